// The Getting Started walkthrough as the manifest declares it: each button runs a command that
// exists (ours are contributed, VS Code's are named below), each step completes on the command
// its button runs, its pictures and pages are there, and the sample it opens has exactly the
// one problem the steps talk about, with the quick fix they promise.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service/languageService';
import { applyEdits } from '../../server/src/service/edits/textEdit';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const [walkthrough] = manifest.contributes.walkthroughs as Array<{
  id: string; title: string; featuredFor?: string[];
  steps: Array<{ id: string; title: string; description: string; completionEvents: string[]; media: { image?: string; altText?: string; markdown?: string } }>;
}>;
const contributed = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
/** VS Code's own commands the walkthrough's buttons run (all in VS Code since before 1.91). */
const BUILT_IN = new Set(['editor.action.marker.next', 'editor.action.marker.nextInFiles', 'editor.action.quickFix', 'editor.action.showHover', 'workbench.actions.view.problems']);
/** The preview's command, contributed by the preview change; the last step runs it. */
const PREVIEW = 'pubtator.showPreviewToSide';
const IN_SAMPLE = 'pubtator.walkthrough.inSample';
const SAMPLE = 'media/walkthrough/sample.pubtator';

/** The commands a step's buttons run: `[label](command:ID)` or `command:toSide:ID`, and the editor command given to IN_SAMPLE. */
function buttons(description: string): string[] {
  return [...description.matchAll(/\]\(command:(?:toSide:)?([\w.]+)(?:\?(\[[^)]*\]))?\)/g)]
    .map(([, id, args]) => (id === IN_SAMPLE ? JSON.parse(args!)[0] as string : id));
}

/** The editor commands client/src/walkthrough.ts lets IN_SAMPLE run. */
function stepCommands(): string[] {
  const source = readFileSync(join(repoRoot, 'client', 'src', 'walkthrough.ts'), 'utf8');
  const set = /const STEP_COMMANDS = new Set\(\[([^\]]*)\]\)/.exec(source);
  assert.ok(set, 'STEP_COMMANDS not found in client/src/walkthrough.ts');
  return [...set[1].matchAll(/'([\w.]+)'/g)].map((m) => m[1]);
}

describe('Getting Started walkthrough', () => {
  it('opens a sample, shows a problem and its fix, the hover and the preview, in that order', () => {
    assert.equal(walkthrough.title, 'Get Started with PubTator');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'seeProblem', 'fixProblem', 'readHover', 'openPreview']);
    assert.deepEqual(buttons(walkthrough.steps[0].description), ['pubtator.openSample']);
    assert.ok(walkthrough.featuredFor?.includes('**/*.pubtator'));
  });

  it('runs only commands that exist, and completes each step on the command its button runs', () => {
    const allowedInSample = stepCommands();
    for (const step of walkthrough.steps) {
      const run = buttons(step.description);
      assert.ok(run.length > 0, `${step.id} has no button`);
      for (const command of run) {
        assert.ok(step.completionEvents.includes(`onCommand:${command}`), `${step.id} does not complete on ${command}`);
        if (step.description.includes(`["${command}"]`)) assert.ok(allowedInSample.includes(command), `${IN_SAMPLE} does not run ${command}`);
        if (command === PREVIEW && !contributed.has(PREVIEW)) continue;
        assert.ok(contributed.has(command) || BUILT_IN.has(command), `${step.id} runs ${command}, which is neither contributed nor VS Code's`);
      }
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        assert.ok(command, `${step.id}: ${event} is not a command event`);
        if (command !== PREVIEW) assert.ok(contributed.has(command) || BUILT_IN.has(command), `${step.id} completes on ${command}, which does not exist`);
      }
    }
  });

  it(`ends on the preview: its button runs ${PREVIEW}, a command of this extension`, {
    skip: !contributed.has(PREVIEW) && `${PREVIEW} is not contributed yet (the preview is another change): the last step's button has nothing to run until it lands`,
  }, () => {
    assert.deepEqual(buttons(walkthrough.steps[4].description), [PREVIEW]);
    assert.ok(stepCommands().includes(PREVIEW));
  });

  it('has its pictures (PNG, with alternative text) and pages in media/walkthrough', () => {
    for (const step of walkthrough.steps) {
      const { image, altText, markdown } = step.media;
      const file = image ?? markdown;
      assert.ok(file?.startsWith('media/walkthrough/'), `${step.id}: ${file}`);
      assert.ok(existsSync(join(repoRoot, file!)), `${step.id}: ${file} is missing (npm run screenshots takes the pictures)`);
      if (image) {
        assert.match(image, /\.png$/);
        assert.ok(altText && altText.length > 20, `${step.id} has no alternative text`);
        assert.equal(readFileSync(join(repoRoot, image)).subarray(1, 4).toString('latin1'), 'PNG');
      }
    }
  });

  it('opens a sample with exactly the problem the steps describe, which the promised quick fix removes', () => {
    const language = manifest.contributes.languages[0];
    assert.ok(language.extensions.some((e: string) => SAMPLE.endsWith(e)), 'the sample is not named as a PubTator file');
    const text = readFileSync(join(repoRoot, SAMPLE), 'utf8');
    const service = createLanguageService();
    const problems = service.validate(service.parse(text));
    assert.deepEqual(problems.map((d) => d.code), ['text-mismatch']);
    const [problem] = problems;
    assert.match(problem.message, /146-158 cover "hronic pain "/);
    assert.ok(walkthrough.steps[1].description.includes('146-158'));
    const fixes = service.codeActions(service.parse(text), { range: problem.range, diagnostics: [problem] }).filter((a) => a.edits);
    const move = fixes.find((a) => a.title.startsWith('Move the mention') && a.title.includes('145-157'));
    assert.ok(move, `no fix moving the mention to 145-157: ${fixes.map((a) => a.title).join(' | ')}`);
    assert.ok(walkthrough.steps[2].description.includes('moves the mention to 145-157'));
    const fixed = applyEdits(text, move.edits!);
    assert.deepEqual(service.validate(service.parse(fixed)), []);
  });
});
