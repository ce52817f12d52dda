import type { BoardAnnouncement } from '../../../shared/api/methods/board';
import {
  announcementClips,
  announcementText,
  clipUrl,
  type Clip,
} from '../../../shared/domain/announcement';
import type { BoardAudio } from '../../../shared/domain/board-audio';
import type { Speak } from './announcer';
import { AutoplayBlocked, playClips } from './clip-player';

const audioElement = (url: string) => new Audio(url);
const urls = (clips: readonly Clip[]) => clips.map(clipUrl);

/** The browser's own Indonesian voice, if it has one (the optional alternative to the clips). */
function indonesianVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('id')) ?? null;
}

function say(text: string, volume: number, voice: SpeechSynthesisVoice): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'id-ID';
    utterance.voice = voice;
    utterance.volume = volume;
    utterance.rate = 0.9;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    speechSynthesis.speak(utterance);
  });
}

/**
 * How the board speaks one call with the settings of the moment: nothing when muted; the
 * recorded clips; or the chime and then the browser's id-ID voice where the setting asks for it
 * and the browser has one (otherwise the clips, so that a call is never silent).
 */
export function boardSpeaker(audio: () => BoardAudio, onBlocked: () => void): Speak {
  return async (a: BoardAnnouncement) => {
    const settings = audio();
    if (settings.muted || settings.volume === 0) return;
    const volume = settings.volume / 100;
    const place = { room: a.room, desk: a.desk };
    try {
      const voice = settings.voice === 'speech' ? indonesianVoice() : null;
      if (voice) {
        await playClips(urls(['chime']), volume, audioElement);
        await say(announcementText(a.queueLabel, place), volume, voice);
      } else {
        await playClips(urls(announcementClips(a.queueLabel, place)), volume, audioElement);
      }
    } catch (err) {
      if (err instanceof AutoplayBlocked) onBlocked();
      throw err;
    }
  };
}

/** Whether the browser lets this page play sound yet: a silent clip, tried once. */
export async function soundAllowed(): Promise<boolean> {
  try {
    await playClips(urls(['jeda']), 0.01, audioElement);
    return true;
  } catch (err) {
    return !(err instanceof AutoplayBlocked);
  }
}
