import type { Rule } from '../finding';
import { approvalChain } from './approval-chain';
import { batching } from './batching';
import { bottleneck } from './bottleneck';
import { deadEnd } from './dead-end';
import { duplicateDataEntry } from './duplicate-data-entry';
import { duplicateStep } from './duplicate-step';
import { handoff } from './handoff';
import { longWait } from './long-wait';
import { lowCompleteAccurate } from './low-complete-accurate';
import { missingData } from './missing-data';
import { nonValueAdding } from './non-value-adding';
import { pingPong } from './ping-pong';
import { reworkLoop } from './rework-loop';
import { slowerThanTakt } from './slower-than-takt';
import { unreachable } from './unreachable';
import { unusedSkills } from './unused-skills';

/** Every rule, in the order of the method's table. */
export const RULES: readonly Rule[] = [
  longWait,
  bottleneck,
  slowerThanTakt,
  handoff,
  pingPong,
  reworkLoop,
  lowCompleteAccurate,
  duplicateDataEntry,
  duplicateStep,
  approvalChain,
  batching,
  nonValueAdding,
  unusedSkills,
  missingData,
  unreachable,
  deadEnd,
];
