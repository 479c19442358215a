import hospitalDischarge from '../../../../examples/hospital-discharge.procmap.json';
import invoiceApproval from '../../../../examples/invoice-approval.procmap.json';
import outpatientReferral from '../../../../examples/outpatient-referral.procmap.json';

/** A map to start from, realistic enough to teach a new user. */
export interface Template {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly file: object;
}

/** The templates offered on the home page (the files in /examples, bundled). */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'outpatient-referral',
    title: 'Outpatient referral',
    summary: 'GP referral to a first outpatient appointment: 8 roles, 42 steps.',
    file: outpatientReferral,
  },
  {
    id: 'invoice-approval',
    title: 'Invoice approval',
    summary: 'Supplier invoice to payment, through budget holder and finance: 4 roles, 15 steps.',
    file: invoiceApproval,
  },
  {
    id: 'hospital-discharge',
    title: 'Hospital discharge',
    summary: 'Acute medical ward to home, through TTO medicines and transport: 5 roles, 25 steps.',
    file: hospitalDischarge,
  },
];
