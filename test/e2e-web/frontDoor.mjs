// Two mistakes of a newcomer's file, in a real VS Code: a file saved in
// Latin-1 (one not-utf8 error at its first invalid byte, no offset errors
// built on the replaced bytes) and a mention row written with spaces instead
// of TABs (said so, and a quick fix that puts the TABs back).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const LATIN1 = 'latin1.pubtator';
const SPACED = 'spaced.pubtator';
// "naïve" in Latin-1: its ï (0xEF) is one byte that is not UTF-8; offsets count characters.
const LATIN1_TEXT = '31000101|t|Ketamine in na\u00efve rats\n31000101|a|Caf\u00e9 was given.\n31000101\t0\t8\tKetamine\tChemical\t-\n';
const SPACED_TEXT = '31000102|t|Ketamine in rats\n31000102|a|x\n31000102 0 8 Ketamine Chemical -\n';

/** @param ctx {{ wb, report, workspace: string }} */
export async function frontDoorChecks({ wb, report, workspace }) {
  fs.writeFileSync(path.join(workspace, LATIN1), Buffer.from(LATIN1_TEXT, 'latin1'));
  fs.writeFileSync(path.join(workspace, SPACED), SPACED_TEXT);
  await wb.sleep(1500); // the file search sees the new files

  await report.check(`${LATIN1}: a Latin-1 file has one not-utf8 error at its first invalid byte, and no offset error`, async () => {
    await wb.open(LATIN1, LATIN1_TEXT);
    let problems = [];
    await wb.until(async () => {
      problems = (await wb.problems())[LATIN1] ?? [];
      return problems.some((p) => p.code === 'not-utf8');
    }, 'the not-utf8 error', 20000, 500).catch(() => {});
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.character]), [['not-utf8', 'error', 0, 25]], JSON.stringify(problems));
    assert.match(problems[0].message, /line 1, column 26/);
    await wb.closePanel();
    return problems[0].message;
  });

  await report.check(`${SPACED}: a mention row separated by spaces says so, and its quick fix puts TABs in`, async () => {
    await wb.open(SPACED, SPACED_TEXT);
    let problems = [];
    await wb.until(async () => {
      problems = (await wb.problems())[SPACED] ?? [];
      return problems.some((p) => p.code === 'malformed-line');
    }, 'the malformed-line error', 20000, 500).catch(() => {});
    const row = problems.find((p) => p.code === 'malformed-line');
    assert.ok(row, JSON.stringify(problems));
    assert.match(row.message, /looks like a mention row with spaces instead of TABs/);
    await wb.closePanel();
    const titles = await wb.quickFixes(2, 0);
    const title = titles.find((t) => /Separate the columns of this mention row with TABs/.test(t));
    assert.ok(title, `menu: ${titles.join(' | ')}`);
    await wb.chooseQuickFix(title);
    let after = problems;
    await wb.until(async () => {
      after = (await wb.problems())[SPACED] ?? [];
      return !after.some((p) => p.code === 'malformed-line');
    }, 'the malformed-line error to go', 10000, 300).catch(() => {});
    assert.deepEqual(after, [], `after "${title}": ${JSON.stringify(after)}`);
    await wb.closePanel();
    return `"${title}"`;
  });
}
