import { z } from 'zod';

/**
 * How the waiting-room boards speak. One setting for every board of the desk: recorded clips
 * (the same voice on every PC, offline) or, as an alternative, the browser's own id-ID voice.
 */
export const BOARD_VOICES = ['clips', 'speech'] as const;
export const boardAudioSchema = z
  .object({
    muted: z.boolean(),
    /** 0–100 %. */
    volume: z
      .number({ error: 'validation.invalid' })
      .int({ error: 'validation.invalid' })
      .min(0, { error: 'validation.invalid' })
      .max(100, { error: 'validation.invalid' }),
    voice: z.enum(BOARD_VOICES, { error: 'validation.invalid' }),
  })
  .strict();
export type BoardAudio = z.infer<typeof boardAudioSchema>;

export const DEFAULT_BOARD_AUDIO: BoardAudio = { muted: false, volume: 80, voice: 'clips' };
