import { SearchIndexBuilder } from './deferred-builds';
import { DeferredWorkRunner } from './deferred-work';
import type { Db } from './open-database';
import { SurveyAnswerMove } from './survey-move';
import { VisitFactFill } from '../reports/visit-fact-fill';

/** Everything migrations leave for after start-up, in the order it is done. */
export function afterStartUpWork(db: Db): DeferredWorkRunner {
  return new DeferredWorkRunner([
    new SurveyAnswerMove(db),
    new VisitFactFill(db),
    new SearchIndexBuilder(db),
  ]);
}
