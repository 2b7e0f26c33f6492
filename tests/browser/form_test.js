// Browser test of the answer page (careermap form --html), in Debian's chromium, headless.
//   node form_test.js CAREERMAP Q.yaml OUTDIR [--participant ID] [--part P]
// Writes the page for Q.yaml (with the id filled in when --participant is given), opens it from
// file://, fills it as a person would from what the page shows (every item it asks, of the part:
// clicking, typing, adding, removing and moving episode rows, a wrong year fixed after its
// message), saves it, and checks: the saved file passes `careermap validate` and scores exactly
// as the same answers written by this test as plain YAML, and import keeps it as that YAML (of
// the same parts; with --part, a file of that part only); a reload and opening the saved file
// lose nothing, and a page of one part does not open another part's file over its answers; the
// page made no request but for itself; axe-core finds no violation (ja and en, 390 px and
// 1280 px wide). Screenshots go to OUTDIR. Exit 1 on the first failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { loadPage } = require('./page_core');
const { seeded } = require('./seeded');
const CHROMIUM = '/usr/bin/chromium';
let puppeteer;
try {
  puppeteer = require('puppeteer-core');
  require.resolve('axe-core/axe.min.js');
} catch (e) {
  console.error('form_test.js: puppeteer-core and axe-core are missing: run tools/setup.sh test (npm ci in tests/browser)');
  process.exit(1);
}
if (!fs.existsSync(CHROMIUM)) {
  console.error('form_test.js: ' + CHROMIUM + ' is missing: run tools/setup.sh test (Debian package chromium)');
  process.exit(1);
}

const [careermap, questionnaire, outdir, ...flags] = process.argv.slice(2);
const flag = (name) => (flags.indexOf(name) >= 0 ? flags[flags.indexOf(name) + 1] : undefined);
const fixedId = flag('--participant');
const part = flag('--part');
if (!outdir || flags.length % 2 || flags.some((f, k) => k % 2 === 0 && f !== '--participant' && f !== '--part')) {
  console.error('usage: node form_test.js CAREERMAP Q.yaml OUTDIR [--participant ID] [--part P]');
  process.exit(2);
}
fs.rmSync(outdir, { recursive: true, force: true });
fs.mkdirSync(path.join(outdir, 'downloads'), { recursive: true });
const pagePath = path.resolve(outdir, 'form.html');
const t0 = process.hrtime.bigint();
execFileSync(careermap, ['form', '-q', questionnaire, '--html', '-o', pagePath, ...(fixedId ? ['--participant', fixedId, '--name', '仮の 名前'] : []),
  ...(part ? ['--part', part] : [])]);
const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;
const { core, data } = loadPage(pagePath);
const Q = data.questionnaire;
const M = data.messages;
const pageUrl = 'file://' + pagePath;
const size = fs.statSync(pagePath).size;
const partIndex = part ? Q.parts.findIndex((p) => p.id === part) : -1;
const asked = Q.items.filter((it) => partIndex < 0 || it.part === partIndex);
const shot = path.basename(questionnaire, '.yaml') + (part ? '-' + part : '');

function check(cond, what) {
  if (!cond) throw new Error('FAILED: ' + what);
}
function equal(a, b, what) {
  const x = JSON.stringify(a), y = JSON.stringify(b);
  if (x !== y) throw new Error('FAILED: ' + what + '\n  got:  ' + x.slice(0, 2000) + '\n  want: ' + y.slice(0, 2000));
}
const rnd = seeded(20261201);
const int = (n) => Math.floor(rnd() * n);
const pick = (list) => list[int(list.length)];

// What the person types into texts: Japanese, quotes, backslashes, YAML's own signs, a line break.
const texts = ['市民課の窓口で「待ち時間」を半分に', 'He said "yes: go" \\ - # [x]', '手順書を作り、\n係で共有した', '  先頭の空白と 全角　空白',
  'null', '~', '100%', '改善提案: 3件 & 承認'];
function yearIn(f, k) {
  const lo = f.min !== null ? f.min : 1990, hi = f.max !== null ? f.max : 2030;
  return String(Math.min(hi, Math.max(lo, 2000 + 3 * k)));
}

// Every form control as the page shows it: how a reload or reopening is compared.
async function snapshot(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, textarea, select')]
    .filter((e) => e.type !== 'file')
    .map((e) => {
      const li = e.closest('li.episode');  // a row by its place, not by the page's own key
      const name = li ? 'row' + [...li.parentNode.children].indexOf(li) + '-' + e.id.split('-').pop() : e.id || e.name;
      return name + '=' + (e.type === 'radio' || e.type === 'checkbox' ? e.value + ':' + e.checked : e.value);
    }));
}
async function messageOf(page, slot) {
  return page.$eval('#' + slot, (e) => (e.hidden ? '' : e.textContent));
}
async function typeInto(page, selector, text) {
  await page.focus(selector);
  await page.evaluate((s) => { const e = document.querySelector(s); e.select && e.select(); }, selector);
  await page.keyboard.press('Backspace');
  for (const part of text.split('\n')) {
    if (part !== text.split('\n')[0]) await page.keyboard.press('Enter');
    await page.keyboard.type(part);
  }
}
async function axe(page, what) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const violations = await page.evaluate(async (src) => {
    if (!window.axe) (0, eval)(src);
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  }, source);
  equal(violations, [], 'axe-core finds no violation (' + what + ')');
}

async function main() {
  // Up to 2 minutes to start: on a loaded 2-core CI machine (the sanitizer build's tests beside
  // it) chromium once took more than puppeteer's default 30 s to say it was up.
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, timeout: 120000,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps'] });
  const requests = [];
  try {
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await page.createCDPSession();
    const downloadTo = async (dir) => {
      fs.mkdirSync(dir, { recursive: true });
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
      return dir;
    };
    const waitFor = async (file) => {
      for (let k = 0; k < 400 && !fs.existsSync(file); ++k) await new Promise((r) => setTimeout(r, 50));
      check(fs.existsSync(file), 'the page saved ' + file);
    };
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pageUrl);  // a fresh profile: the storage is empty
    const L = () => page.evaluate(() => document.documentElement.lang);
    equal(await L(), data.lang, 'the page opens in its language');
    const named = (x) => (partIndex >= 0 ? Q.parts[partIndex].title[x] + ' — ' : '') + Q.title[x];  // its title and heading name the part
    equal(await page.evaluate(() => [document.title, document.querySelector('h1').textContent]),
      [named(data.lang), partIndex >= 0 ? Q.title[data.lang] + ' — ' + Q.parts[partIndex].title[data.lang] : Q.title[data.lang]],
      'the title and the heading');

    // Saving an empty page lists exactly what validate says of the empty answers file.
    await page.click('#save');
    const emptyState = { participant: fixedId || '', name: '', cohort: '', answers: {} };
    const emptyProblems = core.validate(Q, M, emptyState, 'ja').map((d) => d.message);
    const listed = await page.$$eval('#problems li', (li) => li.map((e) => e.textContent.replace(/^.*?: /, '')));
    equal(listed, emptyProblems, 'the list of what is missing on an empty page');
    const labels = await page.$$eval('#problems li', (li) => li.map((e) => e.textContent.split(': ')[0]));
    const whole = core.validate(Q, M, emptyState, 'ja').map((d, k) => [d.item, labels[k]]).filter(([item]) => item === 'answers');
    equal(whole, whole.map(() => ['answers', '回答']), 'the file as a whole is named in words, not by its key');
    const first = asked[0];  // ... and its link leads to the first question
    const links = await page.$$eval('#problems li', (li) => li.map((e) => (e.querySelector('a') || {}).hash || null));
    equal(core.validate(Q, M, emptyState, 'ja').map((d, k) => [d.item, links[k]]).filter(([item]) => item === 'answers'),
      whole.map(() => ['answers', '#' + (first.type === 'episodes' ? 'add-' : 'q-') + first.id]), 'the link of the file as a whole');
    await page.screenshot({ path: path.join(outdir, shot + '-ja-1280-missing.png') });
    // "Save anyway" saves that file; validate says of it what the page said, word for word.
    const anyway = path.join(await downloadTo(path.resolve(outdir, 'downloads', 'anyway')), (fixedId || 'answers') + '.yaml');
    await page.click('#save-anyway');
    await waitFor(anyway);
    const va = spawnSync(careermap, ['validate', '-q', questionnaire, anyway], { encoding: 'utf8' });
    equal([va.status, va.stderr.split('\n').filter((l) => l.startsWith(anyway)).map((l) => l.replace(/^.*?: (error|warning): /, '$1: '))],
      [1, core.validate(Q, M, emptyState, 'en').map((d) => d.severity + ': ' + d.item + ': ' + d.message)],
      'validate on the file saved anyway');
    await page.click('#save');  // the list again; "go back" closes it and returns to the save button
    await page.click('#problems-back');
    equal(await page.evaluate(() => [document.getElementById('problems').hidden, document.activeElement.id]), [true, 'save'],
      'going back from the list');
    const required = asked.filter((it) => it.required).length;
    const progress = () => page.$eval('#progress-text', (e) => e.innerText.trim());
    // The id counts as a required answer: given already when fixed, so never "0 of 0".
    equal([(await progress()).endsWith(' ' + (fixedId ? 1 : 0) + ' / ' + (required + 1)), await page.$eval('#progress-bar', (e) => [e.hidden, e.max])],
      [true, [false, required + 1]], 'progress on an empty page: ' + await progress());

    // The participant id: full-width first (a real mistake), fixed after the message.
    const typed = { participant: fixedId || 'w03', name: '', cohort: '', answers: {} };
    if (!fixedId) {
      await typeInto(page, '#participant', 'ｐ０３');
      await page.keyboard.press('Tab');
      equal(await messageOf(page, 'msg-participant'), core.fill(M, 'id_full_width', null, 'ja'), 'the id message: 半角');
      await typeInto(page, '#participant', typed.participant);
      await page.keyboard.press('Tab');
      equal(await messageOf(page, 'msg-participant'), '', 'the id message is gone once the id is right');
    } else {
      equal(await page.$eval('#participant', (e) => [e.readOnly, e.value]), [true, fixedId], 'the fixed id is shown and cannot be changed');
      equal(await page.$eval('#name', (e) => [e.readOnly, e.value]), [false, '仮の 名前'], 'the name of --name, editable');
    }
    await typeInto(page, '#name', '架空 "花子"');
    typed.name = '架空 "花子"';

    let wrongYearChecked = false;
    check(await page.evaluate((n) => document.querySelectorAll('[id^="item-"]').length === n, asked.length), 'the page asks ' + asked.length + ' items');
    for (const item of asked) {
      const sel = '#q-' + item.id;
      if (item.type === 'likert') {
        const s = Q.scales[item.scale];
        const v = s.min + int(s.max - s.min + 1);
        if (s.max - s.min + 1 > 11) await page.select(sel, String(v));
        else if (int(2)) await page.click('input[name="q-' + item.id + '"][value="' + v + '"]');
        else {  // by keyboard: focus the first point, arrow to v
          await page.focus('input[name="q-' + item.id + '"][value="' + s.min + '"]');
          await page.keyboard.press('Space');
          for (let k = s.min; k < v; ++k) await page.keyboard.press('ArrowRight');
        }
        typed.answers[item.id] = v;
      } else if (item.type === 'choice') {
        const o = pick(item.options);
        await page.click('#item-' + item.id + ' input[value="' + o.value + '"]');
        typed.answers[item.id] = o.value;
      } else if (item.type === 'multi') {
        const chosen = item.options.filter(() => rnd() < 0.5);
        if (!chosen.length) chosen.push(item.options[0]);
        for (const o of chosen) await page.click('#item-' + item.id + ' input[value="' + o.value + '"]');
        typed.answers[item.id] = item.options.filter((o) => chosen.includes(o)).map((o) => o.value);
      } else if (item.type === 'text') {
        const text = pick(texts);
        await typeInto(page, sel, text);
        typed.answers[item.id] = text;
      } else if (item.type === 'number') {
        const lo = item.min !== null ? item.min : 0, hi = item.max !== null ? item.max : lo + 50;
        const v = core.fmtNumber(Math.round((lo + (hi - lo) / 3) * 2) / 2);
        await typeInto(page, sel, v);
        typed.answers[item.id] = v;
      } else if (item.type === 'episodes') {
        // Three rows added, the second removed, the last moved up: two rows remain.
        const rows = [];
        for (let k = 0; k < 3; ++k) {
          await page.click('#add-' + item.id);
          const row = {};
          const base = await page.evaluate((id) => [...document.querySelectorAll('#item-' + id + ' .episode fieldset')].pop().id, item.id);
          for (const f of item.fields) {
            const fsel = '#' + base + '-' + f.id;
            if (f.type === 'number') row[f.id] = f.use === 'to_year' ? yearIn(f, k + 1) : yearIn(f, k);
            else if (f.type === 'choice') row[f.id] = pick(f.options).value;
            else {  // a line break only where the page gives several lines (a textarea, not a title's one line)
              const lines = await page.$eval(fsel, (e) => e.tagName === 'TEXTAREA');
              row[f.id] = pick(texts.filter((x) => lines || x.indexOf('\n') < 0)) + ' ' + (k + 1);
            }
            if (f.type === 'choice') await page.select(fsel, row[f.id]);
            else await typeInto(page, fsel, row[f.id]);
          }
          rows.push({ row, base });
        }
        await page.click('#' + rows[1].base + '-remove');
        rows.splice(1, 1);
        await page.click('#' + rows[1].base + '-up');
        rows.reverse();
        // A wrong year: outside the field's range (or before the from-year), fixed after the message.
        const from = item.fields.find((f) => f.use === 'from_year');
        const to = item.fields.find((f) => f.use === 'to_year');
        const yf = from && from.max !== null ? from : to && to.max !== null ? to : from;
        if (yf) {
          const r = rows[0];
          const fsel = '#' + r.base + '-' + yf.id;
          const wrong = yf.max !== null ? String(yf.max + 100) : String(Number(r.row[to.id]) + 5);
          await typeInto(page, fsel, wrong);
          await page.keyboard.press('Tab');
          const lang = await L();
          const want = yf.max !== null
            ? core.fill(M, 'outside_range', { value: wrong, range: core.fmtNumber(yf.min) + '..' + core.fmtNumber(yf.max) }, lang)
            : core.fill(M, 'episode_years', { to: r.row[to.id], from: wrong }, lang);
          const slot = yf.max !== null ? 'msg-' + item.id + '-' + r.base.split('-').pop() + '-' + yf.id : 'msg-' + item.id + '-' + r.base.split('-').pop();
          equal(await messageOf(page, slot), want, 'the wrong year\'s message');
          if (yf.max !== null) {  // the words of validate, spelled out
            const en = core.fill(M, 'outside_range', { value: wrong, range: yf.min + '..' + yf.max }, 'en');
            equal(en, wrong + ' is outside ' + yf.min + '..' + yf.max, 'the English words');
          }
          check(await page.$eval(fsel, (e) => e.getAttribute('aria-invalid') === 'true'), 'the wrong year is marked invalid');
          await typeInto(page, fsel, r.row[yf.id]);
          equal(await messageOf(page, slot), '', 'the message is gone once the year is right');
          wrongYearChecked = true;
        }
        typed.answers[item.id] = rows.map((r) => r.row);
      }
    }
    check(wrongYearChecked || !asked.some((it) => it.type === 'episodes'), 'a wrong year was tried');

    check((await progress()).endsWith(' ' + (required + 1) + ' / ' + (required + 1)),
      'progress when all is answered: ' + await progress());
    // The English switch and back; then save: nothing is missing, so the file downloads at once.
    await page.click('#lang');
    equal(await L(), 'en', 'the English switch');
    check((await page.$eval('#save', (e) => e.textContent)) === 'Save', 'the English page');
    await page.click('#lang');
    equal(await L(), 'ja', 'back to Japanese');
    const before = await snapshot(page);
    const file = path.join(await downloadTo(path.resolve(outdir, 'downloads', 'done')), typed.participant + '.yaml');
    await page.click('#save');
    await waitFor(file);
    check(await page.$eval('#problems', (e) => e.hidden), 'no problem was listed');
    const saved = fs.readFileSync(file, 'utf8');
    equal(saved, core.toYaml(Q, typed), 'the saved file holds what was typed, as the page writes it');

    // validate accepts it; it scores exactly as the same answers written here as plain YAML (JSON).
    const v = spawnSync(careermap, ['validate', '-q', questionnaire, file], { encoding: 'utf8' });
    equal([v.status, v.stderr], [0, ''], 'careermap validate on the saved file');
    const plain = path.join(outdir, 'plain.yaml');
    const answers = {};
    for (const [k, x] of Object.entries(typed.answers))
      answers[k] = Array.isArray(x) && typeof x[0] === 'object' ? x : typeof x === 'string' && Q.items.find((i) => i.id === k).type === 'number' ? Number(x) : x;
    fs.writeFileSync(plain, JSON.stringify({ questionnaire: Q.id, participant: typed.participant, name: typed.name, answers }, null, 1));
    const score = (f) => {  // a part without scored items may have no score: then both say so alike
      const r = spawnSync(careermap, ['score', '-q', questionnaire, '--format', 'json', f], { encoding: 'utf8' });
      return [r.status, r.stdout.split(f).join('FILE'), r.stderr.split(f).join('FILE')];
    };
    check(score(file)[0] === 0 || part, 'score accepts the saved file');
    equal(score(file), score(plain), 'score --format json of the saved file and of the plain YAML');
    // import keeps it as the same submission (of the same parts) as the plain YAML; scored from the archive alike.
    const archived = (f, name) => {
      const db = path.join(outdir, name + '.db');
      fs.rmSync(db, { force: true });
      const i = spawnSync(careermap, ['import', '-q', questionnaire, '--archive', db, '--cohort', 'c1', f], { encoding: 'utf8' });
      const list = spawnSync(careermap, ['archive', '--archive', db, '--list', '-q', questionnaire], { encoding: 'utf8' });
      const s = spawnSync(careermap, ['score', '-q', questionnaire, '--archive', db, '--cohort', 'c1', '--format', 'json'], { encoding: 'utf8' });
      return [i.status, i.stdout, i.stderr, list.status, list.stdout.slice(list.stdout.indexOf('\n\n')), s.status, s.stdout, s.stderr];
    };
    const imported = archived(file, 'saved');
    equal(imported.slice(0, 3), [0, 'careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n', ''], 'import of the saved file');
    const parts = Q.parts.filter((p, k) => asked.some((it) => it.part === k)).map((p) => p.id).join(' ');
    check(imported[4].indexOf('\nc1\t-\t' + typed.participant + '\t' + parts + '\t') > 0,
      'the archive holds the saved file as a file of part ' + part + ': ' + imported[4]);
    equal(imported, archived(plain, 'plain'), 'import, archive --list and score --archive of the saved file and of the plain YAML');

    // A reload loses nothing; nor does opening the saved file in a page whose storage is empty.
    await page.reload();
    equal(await snapshot(page), before, 'every answer after a reload');
    // Another browser (a context of its own storage, as on another computer): empty, then the file.
    // (Not localStorage.clear() and a reload: chromium may commit a clear after the writes that follow.)
    const other = await browser.createBrowserContext();
    const fresh = await other.newPage();
    fresh.on('request', (r) => requests.push(r.url()));
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(pageUrl);
    check(JSON.stringify(await snapshot(fresh)) !== JSON.stringify(before), 'an empty storage shows an empty page');
    const input = await fresh.$('#open');
    if (part) {  // a file holding none of this part's answers (another part's) is not opened: the page stays as it is
      const elsewhere = path.join(outdir, 'other-part', typed.participant + '.yaml');
      fs.mkdirSync(path.dirname(elsewhere), { recursive: true });
      fs.writeFileSync(elsewhere, 'questionnaire: ' + core.yamlQuoted(Q.id) + '\nparticipant: ' + core.yamlQuoted(typed.participant) +
        '\nanswers:\n  an_item_of_another_part: "x"\n');
      await typeInto(fresh, '#name', 'まだ途中');
      const kept = await snapshot(fresh);
      await input.uploadFile(elsewhere);
      const title = Q.parts[partIndex].title.ja;
      await fresh.waitForFunction((t) => document.getElementById('notice').textContent === t,
        { timeout: 5000 }, 'このファイルには「' + title + '」の回答がありません（別の部分のファイルです）。');
      equal(await snapshot(fresh), kept, 'the page after opening the file of another part');
      await fresh.evaluate(() => { document.getElementById('open').value = ''; });
    }
    await input.uploadFile(file);
    await fresh.waitForFunction(() => /開きました|is open/.test(document.getElementById('notice').textContent));
    equal(await snapshot(fresh), before, 'every answer after opening the saved file');
    await fresh.reload();
    equal(await snapshot(fresh), before, 'and after a reload of that page');
    await other.close();

    // Accessibility and screenshots: ja and en, a phone and a desktop.
    for (const lang of ['ja', 'en']) {
      if ((await L()) !== lang) await page.click('#lang');
      for (const width of [390, 1280]) {
        await page.setViewport({ width, height: width === 390 ? 844 : 900, deviceScaleFactor: 1, isMobile: width === 390 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await axe(page, lang + ', ' + width + ' px');
        const name = shot + '-' + lang + '-' + width;
        await page.screenshot({ path: path.join(outdir, name + '.png') });
        await page.screenshot({ path: path.join(outdir, name + '-full.png'), fullPage: true });
        for (const [part, selector] of [['likert', '.likert'], ['episodes', '.episodes']]) {  // the parts to look at closely
          const e = await page.$(selector);
          if (e) await e.screenshot({ path: path.join(outdir, name + '-' + part + '.png') });
        }
      }
    }

    // No request but the page itself (and the blob of the download).
    const foreign = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:'));
    equal(foreign, [], 'the page made no request');
    equal(errors, [], 'the page raised no script error');
    // The policy forbids every connection even when a script tries.
    const blocked = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      fetch('http://127.0.0.1:9/').catch(() => {});
    }));
    equal(blocked, 'connect-src', 'the Content-Security-Policy refuses a connection');
  } finally {
    await browser.close();
  }
  console.log(path.basename(questionnaire) + (part ? ' --part ' + part : '') + ': page of ' + size + ' bytes written in ' + generateMs.toFixed(0) +
    ' ms; filled, saved, validated, scored, reloaded, reopened; axe-core: no violation; requests: ' + requests.length +
    ' (the page itself)');
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
