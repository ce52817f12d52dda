import { useTranslation } from 'react-i18next';
import { SKM_QUESTIONS, type SkmScore } from '../../../shared/domain/skm';
import type { Locale } from '../../../shared/i18n/messages';

interface QuestionScreenProps {
  index: number;
  locale: Locale;
  chosen: SkmScore | undefined;
  onAnswer: (score: SkmScore) => void;
  onBack: () => void;
}

/** One SKM question with its four answers, worded as the regulation words them. */
export function QuestionScreen({ index, locale, chosen, onAnswer, onBack }: QuestionScreenProps) {
  const { t } = useTranslation();
  const q = SKM_QUESTIONS[index]!;
  const total = SKM_QUESTIONS.length;
  return (
    <section className="survey-card" aria-labelledby="survey-question">
      <p className="survey-progress">{t('survey.progress', { n: index + 1, total })}</p>
      <div className="survey-progress__bar" aria-hidden="true">
        <span style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>
      <h1 id="survey-question" className="survey-question">
        {q.question[locale]}
      </h1>
      <div className="survey-answers" role="group" aria-labelledby="survey-question">
        {q.answers.map((a, i) => {
          const score = (i + 1) as SkmScore;
          return (
            <button
              key={score}
              type="button"
              className={`survey-answer survey-answer--${score}`}
              aria-pressed={chosen === score}
              onClick={() => onAnswer(score)}
            >
              {a[locale]}
            </button>
          );
        })}
      </div>
      <button type="button" className="survey-secondary" onClick={onBack}>
        {t('survey.back')}
      </button>
    </section>
  );
}
