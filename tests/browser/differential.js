// Differential test: the answer page's validator against `careermap validate`.
//   node differential.js CAREERMAP Q.yaml CASES SEED WORKDIR [PART]
// Writes the page for Q.yaml (of one part when PART is given: the answers are then of that part), makes CASES random answer states (seeded), and for each one
// compares the problems the page's script finds with those `careermap validate` prints for the
// file the page saves (severity, item and message, word for word, in order). Exit 1 on any
// difference, with the first ones printed.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { loadPage } = require('./page_core');
const { seeded } = require('./seeded');

const [careermap, questionnaire, casesArg, seedArg, workdir, part] = process.argv.slice(2);
if (!workdir) {
  console.error('usage: node differential.js CAREERMAP Q.yaml CASES SEED WORKDIR [PART]');
  process.exit(2);
}
fs.rmSync(workdir, { recursive: true, force: true });
fs.mkdirSync(workdir, { recursive: true });
const pagePath = path.join(workdir, 'form.html');
execFileSync(careermap, ['form', '-q', questionnaire, '--html', '-o', pagePath, ...(part ? ['--part', part] : [])]);
const { core, data } = loadPage(pagePath);
const Q = data.questionnaire;
const M = data.messages;
const partIndex = part ? Q.parts.findIndex((p) => p.id === part) : -1;
if (part && partIndex < 0) throw new Error('no part ' + part);

const rnd = seeded(Number(seedArg));  // so a failure can be replayed
const int = (n) => Math.floor(rnd() * n);
const slip = (p) => !careful && rnd() < p;  // a mistake, never by a careful participant
const pick = (list) => list[int(list.length)];
const chance = (p) => rnd() < p;

const pieces = ['改善', '手順書', 'の見直し', ' ', '  ', '\n', '\r\n', '\t', '"', "'", '\\', ': ', '- ', '#', '{', '}', '[', ']',
  ',', '&a', '*a', '!', '|', '>', '%', '@', '`', 'null', '~', 'yes', '0x1F', '12', '-3', '\u2028', '\u2029', '\u0085', '\ufeff',
  '\u00a0', '\u200b', '\u202e', '\u0007', '\u001b', '\u007f', '😀', '𠮷', 'ｐ０３', 'A', 'z', 'é', 'ß', '\ufffe', '\ufdd0'];
function text() {
  if (slip(0.03)) return 'あ'.repeat(Q.limits.text_chars + 1 + int(5));
  if (slip(0.03)) return 'x\n'.repeat(Q.limits.text_lines + int(3));
  let s = '';
  const n = 1 + int(8);
  for (let i = 0; i < n; ++i) s += pick(pieces);
  return s;
}
function numberText(min, max, year) {
  const lo = min === null ? -50 : min;
  const hi = max === null ? lo + 100 : max;
  const inRange = String(lo + int(Math.max(1, Math.floor(hi - lo) + 1)));
  if (careful) return year ? inRange : pick([inRange, ' ' + inRange, '+' + inRange, inRange + '.0']);
  return pick([inRange, inRange, inRange, String(hi + 1 + int(20)), String(lo - 1 - int(20)), 'abc', '２０１９', ' ' + inRange + ' ',
    '+' + inRange, inRange + '.5', '.5', '5.', '1e3', '-0', inRange + 'x', '1e400', '0x10', 'inf', '12 345', '-', '+', '1,5',
    '99999999999999999999', '1.23456789012345', '3e-7', ' ']);
}
// A participant id; the valid ones end in the case number, as ids in one batch must differ.
function id(n) {
  const valid = ['p', 'p-', 'A_b', 'x'.repeat(58)];
  const invalid = ['', 'ｐ０３', 'p 03', 'p/03', 'x'.repeat(65), 'p.03', 'テスト', '\u200bp03'];
  return chance(0.7) || careful ? pick(valid) + String(n).padStart(6, '0') : pick(invalid);
}
let careful = false;  // a case of a careful participant: every value valid, every required item answered
function answer(item) {
  switch (item.type) {
    case 'likert': {
      const s = Q.scales[item.scale];
      return slip(0.05) ? pick([s.min - 1, s.max + 1]) : s.min + int(s.max - s.min + 1);
    }
    case 'choice': return slip(0.05) ? pick(['not_an_option', '12', '']) : pick(item.options).value;
    case 'multi': {
      const v = item.options.filter(() => chance(0.4)).map((o) => o.value);
      if (slip(0.05) && v.length) v.push(v[0]);
      if (slip(0.05)) v.push('not_an_option');
      if (careful && !v.length) v.push(item.options[0].value);
      return v;
    }
    case 'text': return text();
    case 'number': return numberText(item.min, item.max);
    case 'episodes': {
      const rows = [];
      const n = slip(0.02) ? Q.limits.episodes + 1 : (careful ? 1 : 0) + int(4);
      for (let k = 0; k < n; ++k) {
        const row = {};
        for (const f of item.fields) {
          if (chance(0.25) && !(careful && f.required)) continue;
          if (f.type === 'choice') row[f.id] = slip(0.05) ? 'bad' : pick(f.options).value;
          else if (f.type === 'number') row[f.id] = numberText(f.min, f.max, f.use === 'from_year' || f.use === 'to_year');
          else row[f.id] = text();
        }
        rows.push(row);
      }
      return rows;
    }
  }
  return undefined;
}
function state(n) {
  careful = chance(0.4);
  const s = { participant: id(n), name: chance(0.5) ? '' : pick(['架空 花子', 'Test Person', 'a\u202eb', '\u200b名前\ufeff', '"q" \\ x']),
    cohort: chance(0.6) ? '' : careful ? '2026' : pick(['2026', '2026-a', '26年', 'a b']), answers: {} };
  for (const item of Q.items)
    if ((partIndex < 0 || item.part === partIndex) && (chance(0.75) || (careful && item.required))) s.answers[item.id] = answer(item);
  return s;
}

const cases = Number(casesArg);
const expected = [];
for (let i = 0; i < cases; ++i) {
  const s = state(i + 1);
  const file = path.join(workdir, 'c' + String(i + 1).padStart(4, '0') + '.yaml');
  const yaml = core.toYaml(Q, s);
  fs.writeFileSync(file, yaml);
  // Opening the saved file in the page gives back what it saved.
  const back = core.fromYaml(Q, yaml);
  if (back.questionnaire !== Q.id || core.toYaml(Q, back) !== yaml) {
    console.error(file + ': the page does not read back the file it wrote');
    process.exit(1);
  }
  const list = core.validate(Q, M, s, 'en');
  for (const d of core.validate(Q, M, s, 'ja'))
    if (/\{[a-z_]+\}/.test(d.message)) throw new Error('a Japanese message keeps a placeholder: ' + d.message);
  expected.push({ file, list: list.map((d) => d.severity + ': ' + d.item + ': ' + d.message) });
}

const files = expected.map((e) => e.file);
const run = spawnSync(careermap, ['validate', '-q', questionnaire, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
const got = new Map(files.map((f) => [f, []]));
for (const line of run.stderr.split('\n')) {
  for (const f of files) {
    if (!line.startsWith(f + ':')) continue;
    const m = /^(?::\d+)*: (error|warning): (.*)$/.exec(line.slice(f.length));
    if (m) got.get(f).push(m[1] + ': ' + m[2]);
  }
}
const okFiles = new Set(run.stdout.split('\n').filter((l) => l.endsWith(': ok')).map((l) => l.slice(0, -4)));
let bad = 0;
let clean = 0, problems = 0;
for (const e of expected) {
  const g = got.get(e.file);
  const isOk = okFiles.has(e.file);
  const wantOk = !e.list.some((l) => l.startsWith('error'));
  if (wantOk) ++clean;
  problems += e.list.length;
  if (JSON.stringify(g) !== JSON.stringify(e.list) || isOk !== wantOk) {
    if (++bad <= 5)
      console.error(e.file + ':\n  page:     ' + JSON.stringify(e.list) + '\n  validate: ' + JSON.stringify(g) +
        '\n  ok: page ' + wantOk + ', validate ' + isOk);
  }
}
if (run.status !== (clean === cases ? 0 : 1)) {
  console.error('validate exited ' + run.status + ' for ' + (cases - clean) + ' invalid files');
  ++bad;
}
console.log(path.basename(questionnaire) + (part ? ' --part ' + part : '') + ': ' + cases + ' cases (' + clean + ' valid, ' + problems + ' problems): ' +
  (bad ? bad + ' differ' : 'page and validate agree'));
process.exit(bad ? 1 : 0);
