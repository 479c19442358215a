import { MAX_LABEL_LENGTH } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { probabilityIn, singleLine } from './labels';
import { bpmnFile, fixture, imported, noteOf, step } from './test-helpers';

/* Names, conditions, probabilities, documentation, annotations and the map's title. */

const process = (inner: string, attrs = '') =>
  bpmnFile(`<bpmn:process id="p" ${attrs}>${inner}</bpmn:process>`);

describe('BPMN labels', () => {
  it('joins German names written over several lines into one line', async () => {
    const { map, notes } = await imported(fixture('bpmnjs-complex.bpmn'));
    expect(step(map, 'sid-F5C79AC7-BB82-4CEC-A1E0-DB441A30CE08').label).toBe(
      'Bewerbungsprüfung gewünscht',
    );
    expect(step(map, 'sid-B7711D66-52EB-4437-AA0C-5671CE83C6E6').label).toBe(
      'Bewerber-Bewertung angefordert',
    );
    expect(step(map, 'sid-86DC77E1-24A3-499E-89D0-499B4BBFF67A').label).toBe(
      'Vorfrist zur Stellenbesetzung abgelaufen',
    );
    for (const s of map.steps) expect(s.label).not.toMatch(/[\r\n]/);
    for (const r of map.roles) expect(r.name).not.toMatch(/[\r\n]/);
    expect(noteOf(notes, 'line-breaks')?.count).toBeGreaterThan(10);
  });

  it('keeps a hyphen before a capital and spaces around a dash', () => {
    expect(singleLine('Antrags-\nprüfung')).toBe('Antragsprüfung');
    expect(singleLine('E-\nMail senden')).toBe('E-Mail senden');
    expect(singleLine('Management -\n Personal')).toBe('Management - Personal');
    expect(singleLine('  Check\r\n  invoice ')).toBe('Check invoice');
  });

  it('cuts a name longer than the label limit and keeps it whole in the notes', async () => {
    const long = `Check ${'the application carefully '.repeat(30)}`.trim();
    const { map, notes } = await imported(process(`<bpmn:task id="t" name="${long}"/>`));
    expect(step(map, 't').label.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
    expect(step(map, 't').notes).toContain(long);
    expect(noteOf(notes, 'long-labels')?.count).toBe(1);
  });

  it('keeps documentation as notes, and the process’s as the map’s description', async () => {
    const { map } = await imported(
      process(
        `<bpmn:documentation>Runs every morning.</bpmn:documentation><bpmn:task id="t"><bpmn:documentation>Use form B.</bpmn:documentation></bpmn:task>`,
        'name="Intake"',
      ),
    );
    expect(step(map, 't').notes).toBe('Use form B.');
    expect(map.description).toBe('Runs every morning.');
    expect(map.title).toBe('Intake');
  });
});

describe('BPMN flow labels, conditions and probabilities', () => {
  const decision = (a: string, b: string) =>
    process(`<bpmn:exclusiveGateway id="q" name="Complete?"/><bpmn:task id="y"/><bpmn:task id="n"/>
<bpmn:sequenceFlow id="fy" sourceRef="q" targetRef="y" ${a}/><bpmn:sequenceFlow id="fn" sourceRef="q" targetRef="n" ${b}/>`);

  it('takes probabilities from names like "80%" and "0.2"', async () => {
    const { map, notes } = await imported(decision('name="80%"', 'name="0.2"'));
    expect(map.flows.map((f) => [f.id, f.label, f.probability])).toEqual([
      ['fy', '80%', 0.8],
      ['fn', '0.2', 0.2],
    ]);
    expect(step(map, 'q').kind).toBe('decision');
    expect(noteOf(notes, 'probabilities')?.count).toBe(2);
  });

  it('reads "Yes (60%)" and a numeric condition, and ignores words that are not shares', async () => {
    const xml = process(`<bpmn:exclusiveGateway id="q"/><bpmn:task id="y"/><bpmn:task id="n"/>
<bpmn:sequenceFlow id="fy" sourceRef="q" targetRef="y" name="Yes (60%)"/>
<bpmn:sequenceFlow id="fn" sourceRef="q" targetRef="n"><bpmn:conditionExpression>0.4</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    const { map } = await imported(xml);
    expect(map.flows.map((f) => f.probability)).toEqual([0.6, 0.4]);
    expect(probabilityIn('3 days')).toBeUndefined();
    expect(probabilityIn('1')).toBeUndefined();
    expect(probabilityIn('amount &gt; 0.5'.replace('&gt;', '>'))).toBeUndefined();
  });

  it('ignores stated probabilities that do not add up to 1, and says so', async () => {
    const { map, notes } = await imported(decision('name="70%"', 'name="70%"'));
    expect(map.flows.every((f) => f.probability === undefined)).toBe(true);
    expect(noteOf(notes, 'probabilities-ignored')?.message).toBe(
      "1 decision's stated probabilities ignored, as they do not add up to 1",
    );
  });

  it('uses a condition as the label of an unnamed flow, else keeps it in the decision’s notes', async () => {
    const c = (body: string) => `><bpmn:conditionExpression>${body}</bpmn:conditionExpression>`;
    const xml = process(`<bpmn:exclusiveGateway id="q"/><bpmn:task id="y"/><bpmn:task id="n"/>
<bpmn:sequenceFlow id="fy" sourceRef="q" targetRef="y" name="Approved"${c('amount &lt; 1000')}</bpmn:sequenceFlow>
<bpmn:sequenceFlow id="fn" sourceRef="q" targetRef="n"${c('amount &gt;= 1000')}</bpmn:sequenceFlow>`);
    const { map, notes } = await imported(xml);
    expect(map.flows.map((f) => f.label)).toEqual(['Approved', 'amount >= 1000']);
    expect(step(map, 'q').notes).toBe('Condition of "Approved": amount < 1000');
    expect(noteOf(notes, 'conditions')?.count).toBe(1);
  });
});

describe('BPMN annotations and titles', () => {
  it('makes text annotations comments of kind note on their step, or on the map', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:task id="t"/><bpmn:textAnnotation id="ann"><bpmn:text>Often late</bpmn:text></bpmn:textAnnotation>
<bpmn:association id="as" sourceRef="t" targetRef="ann"/>
<bpmn:textAnnotation id="free"><bpmn:text>Draft</bpmn:text></bpmn:textAnnotation>`),
    );
    expect(map.comments).toEqual([
      {
        id: 'ann',
        targetId: 't',
        kind: 'note',
        author: 'BPMN file',
        text: 'Often late',
        createdAt: '',
      },
      { id: 'free', kind: 'note', author: 'BPMN file', text: 'Draft', createdAt: '' },
    ]);
    expect(noteOf(notes, 'annotations')?.count).toBe(2);
  });

  it('names the map after the collaboration, the process or the definitions, else "Imported process"', async () => {
    const named = (defs: string, body: string) =>
      bpmnFile(body).replace('id="defs"', `id="defs" ${defs}`);
    const collab = `<bpmn:collaboration id="c" name="Referrals"><bpmn:participant id="x" name="GP" processRef="p"/></bpmn:collaboration><bpmn:process id="p" name="Inner"/>`;
    expect((await imported(named('', collab))).map.title).toBe('Referrals');
    expect((await imported(named('name="Defs"', '<bpmn:process id="p"/>'))).map.title).toBe('Defs');
    expect((await imported(named('', '<bpmn:process id="p"/>'))).map.title).toBe(
      'Imported process',
    );
  });
});
