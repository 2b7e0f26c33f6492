// careermap answer form: the script of the offline HTML page that `careermap form --html` writes.
// The page embeds the parsed questionnaire and the answer messages of engine/answer_messages.cpp
// as JSON; this script checks answers with the rules of engine/answers.cpp (the same order, the
// same words), writes the answers file of questionnaires/FORMAT.md as engine/answers_yaml.cpp
// does, and reads such a file back. The core (above "the page") runs under node too:
// tests/browser/differential.js compares it with `careermap validate`.
(function () {
  'use strict';

  // ---- core: pure functions of (questionnaire, messages, state) ----

  // A template of the message table with its {placeholders} filled (answer_message()).
  function fill(messages, id, args, lang) {
    const t = messages[id][lang === 'ja' ? 'ja' : 'en'];
    return t.replace(/\{([a-z_]+)\}/g, (m, name) => (args && name in args ? args[name] : m));
  }

  // yaml::to_number: spaces trimmed, one '+' dropped, then std::from_chars (general format).
  function toNumber(raw) {
    let s = String(raw).replace(/^ +| +$/g, '');
    if (s[0] === '+') s = s.slice(1);
    if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
    const v = Number(s);
    if (!isFinite(v)) return null;
    if (v === 0 && /[1-9]/.test(s.replace(/[eE].*$/, ''))) return null;  // underflow: out of range
    return v;
  }

  // fmt_number of answers.cpp: whole numbers below 1e15 as integers, otherwise printf's %.10g.
  function fmtNumber(v) {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v === 0 ? 0 : v);
    const exp = v.toExponential(9);  // d.ddddddddde±X: ten significant digits
    const x = parseInt(exp.slice(exp.indexOf('e') + 1), 10);
    const strip = (m) => (m.indexOf('.') >= 0 ? m.replace(/0+$/, '').replace(/\.$/, '') : m);
    if (x < -4 || x >= 10) {
      const mant = strip(exp.slice(0, exp.indexOf('e')));
      const e = Math.abs(x);
      return mant + 'e' + (x < 0 ? '-' : '+') + (e < 10 ? '0' : '') + e;
    }
    return strip(v.toFixed(9 - x));
  }

  // valid_participant_id: [A-Za-z0-9_-], 1 to 64.
  function validId(s) {
    return typeof s === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(s);
  }

  // half_width() of text.cpp: full-width ASCII (U+FF01..U+FF5E) and ideographic spaces made
  // half-width.
  function halfWidth(s) {
    return String(s).replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, ' ');
  }

  // full_width_id of answers.cpp: not an id, but one once written in half-width characters.
  function fullWidthId(s) {
    const half = halfWidth(s);
    return half !== s && !validId(s) && validId(half);
  }

  // AnswerReader::full_width_number: not a number, but one once written in half-width (４).
  function fullWidthNumber(s) {
    const half = halfWidth(s);
    return half !== s && toNumber(s) === null && toNumber(half) !== null;
  }

  // invisible_controls of answers.cpp: "U+202E, U+200B" in order of first appearance.
  function invisibleControls(s) {
    const seen = [];
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      const hidden = (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || cp === 0x2060 ||
        (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff;
      if (hidden && seen.indexOf(cp) < 0) seen.push(cp);
    }
    return seen.map((cp) => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')).join(', ');
  }

  function codePoints(s) {
    let n = 0;
    for (const ch of s) n += ch ? 1 : 0;
    return n;
  }

  // yaml_quoted of answers_yaml.cpp: one double-quoted scalar that reads back byte for byte.
  function yamlQuoted(s) {
    let q = '"';
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      if (ch === '"' || ch === '\\') q += '\\' + ch;
      else if (ch === '\n') q += '\\n';
      else if (ch === '\r') q += '\\r';
      else if (ch === '\t') q += '\\t';
      else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 ||
               cp === 0xfeff || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe)
        q += cp > 0xffff ? '\\U' + cp.toString(16).toUpperCase().padStart(8, '0')
                         : '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
      else q += ch;
    }
    return q + '"';
  }

  // plain_number of answers_yaml.cpp: a decimal written as it is.
  function plainNumber(s) {
    return /^-?\d+(\.\d+)?$/.test(s) || /^-?\d+\.\d+$/.test(s);
  }

  function blank(v) {
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }

  // The rows of an episodes answer that the file holds: those with at least one field given,
  // each with its index among the page's rows.
  function savedRows(item, rows) {
    const out = [];
    (rows || []).forEach((row, i) => {
      if (item.fields.some((f) => !blank(row[f.id]))) out.push({ row: row, index: i });
    });
    return out;
  }

  // The answers an item has in `state`, as the file holds them; undefined when not written.
  function written(item, state) {
    const v = state.answers[item.id];
    if (item.type === 'episodes') {
      const rows = savedRows(item, v);
      return rows.length ? rows : undefined;
    }
    return blank(v) ? undefined : v;
  }

  // The answers file (FORMAT.md) for `state`, written as answers_to_yaml() writes one.
  function toYaml(Q, state) {
    let out = 'questionnaire: ' + yamlQuoted(Q.id) + '\nparticipant: ' + yamlQuoted(state.participant || '') + '\n';
    if (state.name) out += 'name: ' + yamlQuoted(state.name) + '\n';
    if (state.cohort) out += 'cohort: ' + yamlQuoted(state.cohort) + '\n';
    out += 'answers:';
    let any = false;
    const num = (s) => (plainNumber(s) ? s : yamlQuoted(s));
    for (const item of Q.items) {
      const v = written(item, state);
      if (v === undefined) continue;
      any = true;
      out += '\n  ' + item.id + ':';
      switch (item.type) {
        case 'likert': out += ' ' + String(v); break;
        case 'number': out += ' ' + num(String(v)); break;
        case 'choice': case 'text': out += ' ' + yamlQuoted(v); break;
        case 'multi': out += ' [' + v.map(yamlQuoted).join(', ') + ']'; break;
        case 'episodes':
          for (const r of v) {
            let fields = '';
            for (const f of item.fields) {
              const x = r.row[f.id];
              if (blank(x)) continue;
              fields += (fields ? '\n      ' : '\n    - ') + f.id + ': ' + (f.type === 'number' ? num(String(x)) : yamlQuoted(x));
            }
            out += fields;
          }
          break;
      }
    }
    return out + (any ? '\n' : ' {}\n');
  }

  // Every problem `careermap validate` reports for toYaml(Q, state), in its order and words:
  // [{severity: 'error'|'warning', item, message, id (the message's table id)}].
  function validate(Q, M, state, lang) {
    const list = [];
    const say = (severity, item, id, args) =>
      list.push({ severity: severity, item: item, id: id, message: fill(M, id, args, lang) });
    const optionList = (options) => options.map((o) => o.value).join(', ');
    const gotText = fill(M, 'got_text', null, lang);
    const range = (min, max) => (min !== null ? fmtNumber(min) : '') + '..' + (max !== null ? fmtNumber(max) : '');
    // AnswerReader::number: the value, or null after saying why.
    const number = (raw, min, max, where) => {
      const v = toNumber(raw);
      if (v === null) {
        say('error', where, 'expected', { expected: fill(M, 'expected_number', null, lang),
          got: fullWidthNumber(raw) ? fill(M, 'got_full_width', null, lang) : gotText });
        return null;
      }
      if ((min !== null && v < min) || (max !== null && v > max)) {
        say('error', where, 'outside_range', { value: fmtNumber(v), range: range(min, max) });
        return null;
      }
      return v;
    };
    const choice = (value, options, where) => {
      if (options.some((o) => o.value === value)) return true;
      const shown = value.length <= 32 && toNumber(value) !== null ? "'" + value + "'" : fill(M, 'got_the_answer', null, lang);
      say('error', where, 'not_option', { what: shown, options: optionList(options) });
      return false;
    };
    const text = (value, where) => {
      const chars = codePoints(value);
      if (chars > Q.limits.text_chars) {
        say('error', where, 'text_chars', { count: String(chars), max: String(Q.limits.text_chars) });
        return false;
      }
      const lines = value.split('\n').length;
      if (lines > Q.limits.text_lines) {
        say('error', where, 'text_lines', { count: String(lines), max: String(Q.limits.text_lines) });
        return false;
      }
      return true;
    };

    const participant = state.participant || '';
    if (participant === '') say('error', 'participant', 'participant_missing');
    else if (!validId(participant)) say('error', 'participant', fullWidthId(participant) ? 'id_full_width' : 'participant_invalid');
    const hidden = invisibleControls(state.name || '');
    if (hidden) say('warning', 'name', 'name_invisible', { codes: hidden });
    if (state.cohort && !validId(state.cohort))
      say('warning', 'cohort', fullWidthId(state.cohort) ? 'cohort_full_width' : 'cohort_invalid');

    const given = {};
    for (const item of Q.items) {
      const v = written(item, state);
      if (v === undefined) continue;
      given[item.id] = true;
      switch (item.type) {
        case 'likert': {
          const s = Q.scales[item.scale];
          const r = s.min + '..' + s.max;
          if (v < s.min || v > s.max) say('error', item.id, 'outside_scale', { value: fmtNumber(v), range: r });
          else if (!Number.isInteger(v)) say('error', item.id, 'not_scale_point', { value: fmtNumber(v), range: r });
          break;
        }
        case 'number': number(String(v), item.min, item.max, item.id); break;
        case 'choice': choice(v, item.options, item.id); break;
        case 'text': text(v, item.id); break;
        case 'multi': {
          if (v.length > item.options.length) {
            say('error', item.id, 'multi_too_many', { count: String(v.length), options: String(item.options.length) });
            break;
          }
          const chosen = [];
          for (const c of v) {
            if (!choice(c, item.options, item.id)) continue;
            if (chosen.indexOf(c) >= 0) say('warning', item.id, 'multi_twice', { value: c });
            else chosen.push(c);
          }
          break;
        }
        case 'episodes': {
          if (v.length > Q.limits.episodes) {
            say('error', item.id, 'episodes_too_many', { count: String(v.length), max: String(Q.limits.episodes) });
            break;
          }
          v.forEach((r, k) => {
            const name = item.id + '[' + (k + 1) + ']';
            const fields = {};
            let ok = true;
            for (const f of item.fields) {
              const x = r.row[f.id];
              if (blank(x)) continue;
              const where = name + '.' + f.id;
              let good;
              if (f.type === 'choice') good = choice(x, f.options, where) ? x : null;
              else if (f.type === 'number') {
                const n = number(String(x), f.min, f.max, where);
                good = n === null ? null : fmtNumber(n);
              } else good = text(x, where) ? x : null;
              if (good === null) ok = false;
              else fields[f.id] = good;
            }
            for (const f of item.fields)
              if (f.required && !(f.id in fields) && ok) {
                say('error', name + '.' + f.id, 'field_required');
                ok = false;
              }
            const from = item.fields.find((f) => f.use === 'from_year');
            const to = item.fields.find((f) => f.use === 'to_year');
            if (from && to && from.id in fields && to.id in fields) {
              const a = toNumber(fields[from.id]);
              const b = toNumber(fields[to.id]);
              if (b < a) say('error', name, 'episode_years', { to: fmtNumber(b), from: fmtNumber(a) });
            }
          });
          break;
        }
      }
    }
    // A questionnaire in parts: the file holds the parts it answers an item of, and must hold
    // one; only the required items of those parts are required.
    const parts = Q.parts || [];
    const held = parts.map(() => !Q.parts_declared);
    for (const item of Q.items) if (given[item.id] && item.part < held.length) held[item.part] = true;
    if (Q.parts_declared && !held.some((h) => h))
      say('error', 'answers', 'answers_no_part', { parts: parts.map((x) => x.id).join(', ') });
    for (const item of Q.items)
      if (item.required && (!parts.length || held[item.part]) && !given[item.id]) say('error', item.id, 'required_missing');
    return list;
  }

  // Reads back an answers file in the form toYaml() writes (and answers_to_yaml(), so also a
  // file of `convert` or `export`): {questionnaire, participant, name, cohort, answers} with
  // every value as the page holds it. Throws Error('format') on anything else.
  function fromYaml(Q, text) {
    const fail = () => { throw new Error('format'); };
    const unquote = (s) => {
      if (s[0] !== '"') return s;
      let out = '';
      let i = 1;
      for (; i < s.length && s[i] !== '"'; ++i) {
        if (s[i] !== '\\') { out += s[i]; continue; }
        const e = s[++i];
        const simple = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ', a: '\x07',
          b: '\b', e: '\x1b', f: '\f', v: '\v', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
        if (e in simple) out += simple[e];
        else if (e === 'x' || e === 'u' || e === 'U') {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = s.substr(i + 1, len);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) fail();
          out += String.fromCodePoint(parseInt(hex, 16));
          i += len;
        } else fail();
      }
      if (i !== s.length - 1) fail();
      return out;
    };
    const list = (s) => {
      if (s[0] !== '[' || s[s.length - 1] !== ']') fail();
      const out = [];
      let i = 1;
      const skip = () => { while (s[i] === ' ') ++i; };
      skip();
      while (i < s.length - 1) {
        let j = i;
        if (s[i] === '"') {
          for (++j; j < s.length - 1 && s[j] !== '"'; j += s[j] === '\\' ? 2 : 1);
          ++j;
        } else {
          while (j < s.length - 1 && s[j] !== ',') ++j;
        }
        out.push(unquote(s.slice(i, j).trim()));
        i = j;
        skip();
        if (s[i] === ',') ++i;
        else if (i !== s.length - 1) fail();
        skip();
      }
      return out;
    };
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const state = { questionnaire: '', participant: '', name: '', cohort: '', answers: {} };
    let section = 'top', item = null, row = null;
    for (const line of lines) {
      if (/^\s*(#.*)?$/.test(line)) continue;
      let m;
      if ((m = /^([A-Za-z_]+):\s*(.*)$/.exec(line))) {
        section = 'top';
        if (m[1] === 'answers') {
          if (m[2] !== '' && m[2] !== '{}') fail();
          section = 'answers';
        } else if (['questionnaire', 'participant', 'name', 'cohort', 'session'].indexOf(m[1]) >= 0) {
          state[m[1]] = unquote(m[2]);
        }
      } else if (section !== 'top' && (m = /^  ([A-Za-z0-9_-]+):\s*(.*)$/.exec(line))) {
        const idx = Q.items.findIndex((it) => it.id === m[1]);
        item = idx >= 0 ? Q.items[idx] : null;
        row = null;
        if (!item) continue;
        const v = m[2];
        if (item.type === 'episodes') {
          if (v !== '' && v !== '[]') fail();
          state.answers[item.id] = [];
        } else if (item.type === 'multi') state.answers[item.id] = list(v);
        else if (item.type === 'likert') state.answers[item.id] = toNumber(v) === null ? fail() : toNumber(v);
        else state.answers[item.id] = unquote(v);
      } else if (item && item.type === 'episodes' && (m = /^    (- |  )(\{\}|([A-Za-z0-9_-]+):\s*(.*))$/.exec(line))) {
        if (m[1] === '- ') {
          row = {};
          state.answers[item.id].push(row);
        }
        if (!row) fail();
        if (m[3] && item.fields.some((f) => f.id === m[3])) row[m[3]] = unquote(m[4]);
      } else if (item === null && /^ {4}/.test(line)) {
        continue;  // the rows of an item this questionnaire does not have
      } else {
        fail();
      }
    }
    return state;
  }

  const core = { fill, toNumber, fmtNumber, validId, fullWidthId, invisibleControls, yamlQuoted, toYaml, validate, fromYaml };
  if (typeof module === 'object' && module.exports) {
    module.exports = core;
    return;
  }

  // ---- the page ----

  const UI = {
    ja: {
      switchTo: 'English', switchLabel: 'Show this form in English', lang: 'ja',
      intro: 'この用紙はこのパソコン・スマートフォンの中だけで動き、どこにも送信しません。入力した内容はこのブラウザーに自動で残ります。最後に「保存」を押して、できたファイルを事務局に送ってください。',
      required: '必須', progress: '必須の回答', progressShort: '必須', of: '/', save: '保存', open: '保存したファイルを開く',
      participant: '参加者 ID', participantHelp: '事務局から届いた ID を半角で入れてください（例: p03）。',
      name: 'お名前（任意）', cohort: '期', fixed: '（変更できません）',
      episodeAdd: 'エピソードを追加', episode: 'エピソード', up: '上へ', down: '下へ', remove: '削除',
      moved: (n, k) => 'エピソード ' + n + ' を ' + k + ' 番目に移しました', removed: (n) => 'エピソード ' + n + ' を削除しました',
      added: (n) => 'エピソード ' + n + ' を追加しました', noEpisodes: 'まだエピソードはありません。',
      choose: '選んでください', clear: '選択を外す',
      chars: (n) => n + ' 字',
      problemsTitle: 'まだ次の点が残っています', problemsIntro: 'このまま保存することもできます。あとでファイルを開いて続きを書けます。',
      saveAnyway: 'このまま保存する', back: '戻って直す', saved: (f) => f + ' を保存しました。このファイルを事務局に送ってください。',
      openFailed: 'このファイルは開けませんでした（このページで保存した回答ファイルではありません）。',
      otherQuestionnaire: 'このファイルは別の質問票の回答です。', otherParticipant: 'このファイルは別の参加者の回答です。',
      otherPart: (p) => 'このファイルには「' + p + '」の回答がありません（別の部分のファイルです）。',
      opened: (f) => f + ' を開きました。続きを書けます。', noStorage: 'このブラウザーでは自動の保存ができません。こまめに「保存」してください。',
      fieldOf: (n, label) => 'エピソード ' + n + ' の ' + label, item: '設問', answers: '回答',
    },
    en: {
      switchTo: '日本語', switchLabel: '日本語で表示する', lang: 'en',
      intro: 'This form works only on this computer or phone and sends nothing anywhere. What you enter is kept in this browser as you type. When you are done, press "Save" and send the file it makes to the office.',
      required: 'required', progress: 'Required answers', progressShort: 'Required', of: 'of', save: 'Save', open: 'Open a saved file',
      participant: 'Participant id', participantHelp: 'The id the office gave you, in half-width letters and digits (e.g. p03).',
      name: 'Your name (optional)', cohort: 'Cohort', fixed: '(cannot be changed)',
      episodeAdd: 'Add an episode', episode: 'Episode', up: 'Up', down: 'Down', remove: 'Remove',
      moved: (n, k) => 'Episode ' + n + ' moved to place ' + k, removed: (n) => 'Episode ' + n + ' removed',
      added: (n) => 'Episode ' + n + ' added', noEpisodes: 'No episodes yet.',
      choose: 'Choose', clear: 'Clear the choice',
      chars: (n) => n + ' characters',
      problemsTitle: 'These points are still open', problemsIntro: 'You can save anyway, and open the file later to go on.',
      saveAnyway: 'Save anyway', back: 'Go back and fix', saved: (f) => f + ' is saved. Please send this file to the office.',
      openFailed: 'This file could not be opened (it is not an answers file saved by this page).',
      otherQuestionnaire: 'This file holds answers to another questionnaire.', otherParticipant: 'This file holds another participant\'s answers.',
      otherPart: (p) => 'This file holds no answer to "' + p + '" (it is the file of another part).',
      opened: (f) => f + ' is open; you can go on.', noStorage: 'This browser cannot keep your answers by itself: please save often.',
      fieldOf: (n, label) => 'episode ' + n + ', ' + label, item: 'Question', answers: 'Answers',
    },
  };

  const DATA = JSON.parse(document.getElementById('form-data').textContent);
  const Q = DATA.questionnaire;
  const M = DATA.messages;
  const FIXED = DATA.fixed || {};
  // The part this page asks (`--part`), or -1 for the whole questionnaire.
  const PART = DATA.part ? (Q.parts || []).findIndex((p) => p.id === DATA.part) : -1;
  const asked = (item) => PART < 0 || item.part === PART;
  const STORE = 'careermap-form:' + Q.id + ':' + (DATA.part || '') + ':' + (FIXED.participant || '');
  let lang = DATA.lang === 'en' ? 'en' : 'ja';
  let state = { participant: FIXED.participant || '', name: FIXED.name || '', cohort: FIXED.cohort || '', answers: {} };
  const touched = {};   // item ids (and "participant") whose messages are shown
  let showAll = false;  // after a save: every message, required ones too
  let rowKeys = 0;      // stable DOM keys of episode rows
  let storageOk = true;

  const $ = (id) => document.getElementById(id);
  const t = (x) => (x && typeof x === 'object' ? x[lang] || x[lang === 'ja' ? 'en' : 'ja'] : x);
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
      if (k === 'class') e.className = attrs[k];
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function load() {
    try {
      const raw = window.localStorage.getItem(STORE);
      if (raw) {
        const s = JSON.parse(raw);
        state.answers = s.answers || {};
        if (!FIXED.participant) state.participant = s.participant || '';
        if (typeof s.name === 'string') state.name = s.name;  // as the participant left it, --name or not
        if (s.lang) lang = s.lang;
      }
    } catch (e) {
      storageOk = false;
    }
    for (const item of Q.items)
      if (item.type === 'episodes') for (const row of state.answers[item.id] || []) row.__key = ++rowKeys;
  }
  function store() {
    if (!storageOk) return;
    try {
      window.localStorage.setItem(STORE, JSON.stringify({ participant: state.participant, name: state.name,
        answers: state.answers, lang: lang }, (k, v) => (k === '__key' ? undefined : v)));
    } catch (e) {
      storageOk = false;
      render();
    }
  }

  // Where a message of `validate` belongs on the page: the DOM id of its message slot.
  function slotOf(d) {
    const m = /^([A-Za-z0-9_-]+)\[(\d+)\](?:\.([A-Za-z0-9_-]+))?$/.exec(d.item);
    if (!m) return 'msg-' + (d.item || 'top');
    const item = Q.items.find((it) => it.id === m[1]);
    const rows = savedRowsOf(item);
    const r = rows[parseInt(m[2], 10) - 1];
    if (!r) return 'msg-' + m[1];
    return 'msg-' + m[1] + '-' + r.row.__key + (m[3] ? '-' + m[3] : '');
  }
  function savedRowsOf(item) {
    return (state.answers[item.id] || []).map((row, i) => ({ row, i }))
      .filter((r) => item.fields.some((f) => { const v = r.row[f.id]; return v !== undefined && v !== ''; }));
  }
  function baseItem(d) {
    return (d.item || '').replace(/\[.*$/, '');
  }

  // Shows the messages of the items the participant has touched (all after a save).
  function refresh() {
    const list = validate(Q, M, state, lang);
    document.querySelectorAll('.msg').forEach((p) => { p.textContent = ''; p.hidden = true; });
    document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    for (const d of list) {
      const shown = showAll || (touched[baseItem(d)] && d.id !== 'required_missing' && d.id !== 'field_required');
      if (!shown) continue;
      const slot = $(slotOf(d)) || $('msg-' + baseItem(d));
      if (!slot) continue;
      slot.hidden = false;
      slot.append(el('span', { class: d.severity }, d.message));
      const target = slot.dataset.for && $(slot.dataset.for);
      if (target && d.severity === 'error') target.setAttribute('aria-invalid', 'true');
    }
    const required = Q.items.filter((it) => it.required && asked(it));
    const bad = new Set(list.filter((d) => d.severity === 'error').map(baseItem));
    // The participant id is a required answer too (already given when the office fixed it),
    // so even a worksheet of optional rows counts one.
    const total = required.length + 1;
    const done = required.filter((it) => written(it, state) !== undefined && !bad.has(it.id)).length +
      (validId(state.participant || '') ? 1 : 0);
    $('progress-text').replaceChildren(el('span', { class: 'wide-only' }, UI[lang].progress + ' '),
      el('span', { class: 'narrow-only' }, UI[lang].progressShort + ' '), done + ' ' + UI[lang].of + ' ' + total);
    const bar = $('progress-bar');
    bar.max = total;
    bar.value = done;
    return list;
  }

  function changed(id, value, rerender) {
    if (value === undefined) delete state.answers[id];
    else state.answers[id] = value;
    store();
    if (rerender) render();
    else refresh();
  }

  function messageSlot(id, forId) {
    return el('p', { class: 'msg', id: id, 'data-for': forId, hidden: true, 'aria-live': 'polite' });
  }
  function reqMark(required) {
    return required ? el('span', { class: 'req' }, UI[lang].required) : null;
  }

  function choiceItem(item) {
    const name = 'q-' + item.id;
    const value = state.answers[item.id];
    return el('fieldset', { class: 'item', id: 'item-' + item.id },
      el('legend', {}, t(item.text), ' ', reqMark(item.required)),
      el('div', { class: 'options' }, item.options.map((o, k) =>
        el('label', { class: 'option' },
          el('input', { type: 'radio', name: name, id: k === 0 ? name : null, value: o.value, checked: value === o.value,
            onchange: () => { touched[item.id] = true; changed(item.id, o.value); } }),
          el('span', {}, t(o.label) || o.value)))),
      item.required ? null : el('button', { type: 'button', class: 'link', onclick: () => {
        document.querySelectorAll('input[name="' + name + '"]').forEach((r) => { r.checked = false; });
        changed(item.id, undefined);
      } }, UI[lang].clear),
      messageSlot('msg-' + item.id, name));
  }

  function multiItem(item) {
    const value = state.answers[item.id] || [];
    return el('fieldset', { class: 'item', id: 'item-' + item.id },
      el('legend', {}, t(item.text), ' ', reqMark(item.required)),
      el('div', { class: 'options' }, item.options.map((o, k) =>
        el('label', { class: 'option' },
          el('input', { type: 'checkbox', id: k === 0 ? 'q-' + item.id : null, value: o.value,
            checked: value.indexOf(o.value) >= 0,
            onchange: (e) => {
              touched[item.id] = true;
              const now = (state.answers[item.id] || []).filter((v) => v !== o.value);
              if (e.target.checked) now.push(o.value);
              const ordered = item.options.map((x) => x.value).filter((v) => now.indexOf(v) >= 0);
              changed(item.id, ordered.length ? ordered : undefined);
            } }),
          el('span', {}, t(o.label) || o.value)))),
      messageSlot('msg-' + item.id, 'q-' + item.id));
  }

  function textInput(id, value, multiline, required, describedBy, oninput) {
    const attrs = { id: id, 'aria-required': required ? 'true' : null, 'aria-describedby': describedBy,
      oninput: (e) => oninput(e.target.value), onchange: (e) => oninput(e.target.value, true) };
    const e = multiline ? el('textarea', Object.assign({ rows: 4 }, attrs)) : el('input', Object.assign({ type: 'text' }, attrs));
    e.value = value || '';
    return e;
  }

  function textItem(item) {
    const id = 'q-' + item.id;
    const count = el('span', { class: 'count', id: 'count-' + item.id }, UI[lang].chars(codePoints(state.answers[item.id] || '')));
    return el('div', { class: 'item', id: 'item-' + item.id },
      el('label', { for: id }, t(item.text), ' ', reqMark(item.required)),
      textInput(id, state.answers[item.id], true, item.required, 'msg-' + item.id + ' count-' + item.id, (v, done) => {
        count.textContent = UI[lang].chars(codePoints(v));
        if (done) touched[item.id] = true;
        changed(item.id, v === '' ? undefined : v);
      }),
      count, messageSlot('msg-' + item.id, id));
  }

  function numberItem(item) {
    const id = 'q-' + item.id;
    const input = textInput(id, state.answers[item.id], false, item.required, 'msg-' + item.id, (v, done) => {
      if (done) touched[item.id] = true;
      changed(item.id, v === '' ? undefined : v);
    });
    input.setAttribute('inputmode', 'decimal');
    input.classList.add('short');
    return el('div', { class: 'item', id: 'item-' + item.id },
      el('label', { for: id }, t(item.text), ' ', reqMark(item.required),
        item.min !== null || item.max !== null
          ? el('span', { class: 'hint' }, ' (' + (item.min !== null ? fmtNumber(item.min) : '') + '–' +
              (item.max !== null ? fmtNumber(item.max) : '') + ')') : null),
      input, messageSlot('msg-' + item.id, id));
  }

  // Likert items in a row of one scale: a grid on a wide screen, one per row on a phone.
  function likertBlock(items) {
    const s = Q.scales[items[0].scale];
    const points = [];
    for (let v = s.min; v <= s.max; ++v) points.push(v);
    const label = (v) => (s.labels.length ? t(s.labels[v - s.min]) : String(v));
    if (points.length > 11) return el('div', { class: 'block' }, items.map((item) => likertSelect(item, points, label)));
    const head = el('div', { class: 'likert-head', 'aria-hidden': 'true' }, el('span', {}), points.map((v) => el('span', {}, label(v))));
    const block = el('div', { class: 'likert' }, head, items.map((item) => {
      const name = 'q-' + item.id;
      const textId = 'text-' + item.id;
      return el('div', { class: 'likert-row item', id: 'item-' + item.id },
        el('div', { class: 'likert-text', id: textId }, t(item.text), ' ', reqMark(item.required)),
        el('div', { class: 'points', role: 'radiogroup', 'aria-labelledby': textId,
          'aria-required': item.required ? 'true' : null },
          points.map((v, k) => el('label', { class: 'point' },
            el('input', { type: 'radio', name: name, id: k === 0 ? name : null, value: String(v),
              checked: state.answers[item.id] === v,
              onchange: () => { touched[item.id] = true; changed(item.id, v); } }),
            el('span', { class: 'point-label' }, label(v))))),
        messageSlot('msg-' + item.id, name));
    }));
    block.style.setProperty('--points', String(points.length));
    return block;
  }
  function likertSelect(item, points, label) {
    const id = 'q-' + item.id;
    return el('div', { class: 'item', id: 'item-' + item.id },
      el('label', { for: id }, t(item.text), ' ', reqMark(item.required)),
      select(id, points.map((v) => ({ value: String(v), label: label(v) })), state.answers[item.id] === undefined ? '' : String(state.answers[item.id]),
        item.required, 'msg-' + item.id, (v) => { touched[item.id] = true; changed(item.id, v === '' ? undefined : Number(v)); }),
      messageSlot('msg-' + item.id, id));
  }

  function select(id, options, value, required, describedBy, onchange) {
    const s = el('select', { id: id, 'aria-required': required ? 'true' : null, 'aria-describedby': describedBy,
      onchange: (e) => onchange(e.target.value) },
    el('option', { value: '' }, '— ' + UI[lang].choose + ' —'),
    options.map((o) => el('option', { value: o.value, selected: o.value === value }, o.label)));
    return s;
  }

  function episodesItem(item) {
    const rows = state.answers[item.id] || [];
    const live = el('p', { class: 'sr-only', id: 'live-' + item.id, 'aria-live': 'polite' });
    const save = (focusId, note) => {
      state.answers[item.id] = rows.length ? rows : undefined;
      if (!rows.length) delete state.answers[item.id];
      store();
      render();
      if (focusId && $(focusId)) $(focusId).focus();
      if (note) $('live-' + item.id).textContent = note;
    };
    const list = el('ol', { class: 'episodes' }, rows.map((row, i) => {
      const key = row.__key || (row.__key = ++rowKeys);
      const base = 'ep-' + item.id + '-' + key;
      const n = i + 1;
      const legend = UI[lang].episode + ' ' + n;
      return el('li', { class: 'episode' }, el('fieldset', { id: base },
        el('legend', {}, legend),
        el('div', { class: 'fields' }, item.fields.map((f) => {
          const id = base + '-' + f.id;
          const msg = 'msg-' + item.id + '-' + key + '-' + f.id;
          const set = (v, done) => {
            if (done) touched[item.id] = true;
            if (v === '') delete row[f.id];
            else row[f.id] = v;
            state.answers[item.id] = rows;
            store();
            refresh();
          };
          let input;
          if (f.type === 'choice')
            input = select(id, f.options.map((o) => ({ value: o.value, label: t(o.label) || o.value })), row[f.id] || '',
              f.required, msg, (v) => set(v, true));
          else {
            input = textInput(id, row[f.id], f.type === 'text' && f.use !== 'title', f.required, msg, set);
            if (f.type === 'number') { input.setAttribute('inputmode', 'numeric'); input.classList.add('short'); }
          }
          return el('div', { class: 'field field-' + f.type + (f.type === 'text' ? (f.use === 'title' ? ' title' : ' wide') : '') },
            el('label', { for: id }, t(f.label) || f.id, ' ', reqMark(f.required)), input,
            messageSlot(msg, id));
        })),
        messageSlot('msg-' + item.id + '-' + key, base + '-' + (item.fields[0] || {}).id),
        el('div', { class: 'row-actions' },
          el('button', { type: 'button', id: base + '-up', disabled: i === 0, 'aria-label': legend + ': ' + UI[lang].up,
            onclick: () => { rows.splice(i - 1, 0, rows.splice(i, 1)[0]); save(base + '-up', UI[lang].moved(n, n - 1)); } }, '↑ ' + UI[lang].up),
          el('button', { type: 'button', id: base + '-down', disabled: i === rows.length - 1, 'aria-label': legend + ': ' + UI[lang].down,
            onclick: () => { rows.splice(i + 1, 0, rows.splice(i, 1)[0]); save(base + '-down', UI[lang].moved(n, n + 1)); } }, '↓ ' + UI[lang].down),
          el('button', { type: 'button', id: base + '-remove', class: 'danger', 'aria-label': legend + ': ' + UI[lang].remove,
            onclick: () => { rows.splice(i, 1); save('add-' + item.id, UI[lang].removed(n)); } }, '× ' + UI[lang].remove))));
    }));
    return el('div', { class: 'item', id: 'item-' + item.id, role: 'group', 'aria-labelledby': 'head-' + item.id },
      el('p', { class: 'question', id: 'head-' + item.id }, t(item.text), ' ', reqMark(item.required)),
      rows.length ? list : el('p', { class: 'empty' }, UI[lang].noEpisodes),
      el('button', { type: 'button', id: 'add-' + item.id, class: 'add', disabled: rows.length >= Q.limits.episodes,
        onclick: () => {
          const row = { __key: ++rowKeys };
          rows.push(row);
          state.answers[item.id] = rows;
          save('ep-' + item.id + '-' + row.__key + '-' + (item.fields[0] || {}).id, UI[lang].added(rows.length));
        } }, '+ ' + UI[lang].episodeAdd),
      messageSlot('msg-' + item.id, 'add-' + item.id), live);
  }

  function identity() {
    const L = UI[lang];
    const pid = el('input', { type: 'text', id: 'participant', autocomplete: 'off', spellcheck: 'false',
      'aria-required': 'true', 'aria-describedby': 'participant-help msg-participant',
      readonly: FIXED.participant ? true : null,
      oninput: (e) => { state.participant = e.target.value; store(); refresh(); },
      onchange: () => { touched.participant = true; refresh(); } });
    pid.value = state.participant;
    const name = el('input', { type: 'text', id: 'name', autocomplete: 'name', 'aria-describedby': 'msg-name',
      oninput: (e) => { state.name = e.target.value; store(); refresh(); }, onchange: () => { touched.name = true; refresh(); } });
    name.value = state.name;
    return el('section', { class: 'identity', 'aria-label': L.participant },
      el('div', { class: 'item' }, el('label', { for: 'participant' }, L.participant, ' ', reqMark(true),
        FIXED.participant ? ' ' + L.fixed : null), pid,
      el('p', { class: 'hint', id: 'participant-help' }, L.participantHelp), messageSlot('msg-participant', 'participant')),
      el('div', { class: 'item' }, el('label', { for: 'name' }, L.name), name, messageSlot('msg-name', 'name')),
      state.cohort ? el('p', { class: 'hint' }, L.cohort + ': ' + state.cohort) : null,
      messageSlot('msg-cohort', null));
  }

  // The place of a message about the file as a whole ("answers": no answer of any part): before
  // the questions, its link to the first of them.
  function answersSlot() {
    const first = Q.items.find(asked);
    return messageSlot('msg-answers', first ? (first.type === 'episodes' ? 'add-' : 'q-') + first.id : null);
  }

  function render() {
    const L = UI[lang];
    document.documentElement.lang = lang;
    document.title = (PART >= 0 ? t(Q.parts[PART].title) + ' — ' : '') + t(Q.title);  // as the page's <title>
    const focused = document.activeElement && document.activeElement.id;
    const sections = [];
    Q.sections.forEach((sec, k) => {
      const items = Q.items.filter((it) => it.section === k && asked(it));
      if (!items.length) return;
      const body = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        if (item.type === 'likert') {
          const run = [item];
          while (i + 1 < items.length && items[i + 1].type === 'likert' && items[i + 1].scale === item.scale) run.push(items[++i]);
          body.push(likertBlock(run));
        } else if (item.type === 'choice') body.push(choiceItem(item));
        else if (item.type === 'multi') body.push(multiItem(item));
        else if (item.type === 'text') body.push(textItem(item));
        else if (item.type === 'number') body.push(numberItem(item));
        else if (item.type === 'episodes') body.push(episodesItem(item));
      }
      sections.push(el('section', { class: 'section', 'aria-labelledby': 'sec-' + k }, el('h2', { id: 'sec-' + k }, t(sec.title)), body));
    });
    const app = $('app');
    app.replaceChildren(
      el('header', { class: 'bar' },
        el('div', { class: 'bar-inner' },
          el('span', { id: 'progress-text', class: 'progress-text' }),
          el('progress', { id: 'progress-bar', 'aria-labelledby': 'progress-text' }),
          el('button', { type: 'button', id: 'save', class: 'primary', onclick: () => trySave() }, L.save),
          el('button', { type: 'button', id: 'lang', lang: lang === 'ja' ? 'en' : 'ja', 'aria-label': L.switchLabel,
            onclick: () => { lang = lang === 'ja' ? 'en' : 'ja'; store(); render(); $('lang').focus(); } }, L.switchTo))),
      el('main', { id: 'main' },
        el('h1', {}, t(Q.title), PART >= 0 ? [el('span', { class: 'sr-only' }, ' — '), el('span', { class: 'part' }, t(Q.parts[PART].title))] : null),
        el('p', { class: 'intro' }, L.intro),
        storageOk ? null : el('p', { class: 'notice' }, L.noStorage),
        el('div', { id: 'notice', class: 'notice', role: 'status' }),
        el('div', { id: 'problems', hidden: true, tabindex: '-1', 'aria-labelledby': 'problems-title' }),
        identity(),
        answersSlot(),
        sections,
        el('div', { class: 'end' },
          el('button', { type: 'button', class: 'primary', id: 'save-end', onclick: () => trySave() }, L.save),
          el('input', { type: 'file', id: 'open', class: 'file', accept: '.yaml,.yml,text/yaml,application/x-yaml',
            onchange: (e) => openFile(e.target.files[0]) }),
          el('label', { for: 'open', class: 'button' }, L.open))));
    refresh();
    if (focused && $(focused)) $(focused).focus();
  }

  function labelOf(d) {
    const m = /^([A-Za-z0-9_-]+)(?:\[(\d+)\](?:\.([A-Za-z0-9_-]+))?)?$/.exec(d.item || '');
    if (!m) return '';
    if (m[1] === 'participant') return UI[lang].participant;
    if (m[1] === 'name') return UI[lang].name;
    if (m[1] === 'cohort') return UI[lang].cohort;
    if (m[1] === 'answers') return UI[lang].answers;  // the file as a whole (no answer of any part)
    const item = Q.items.find((it) => it.id === m[1]);
    if (!item) return m[1];
    let s = t(item.text);
    if (m[2]) {
      const f = m[3] && item.fields.find((x) => x.id === m[3]);
      s = UI[lang].fieldOf(m[2], f ? t(f.label) || f.id : UI[lang].episode);
    }
    return s.length > 60 ? s.slice(0, 58) + '…' : s;
  }

  function trySave() {
    showAll = true;
    const list = refresh();
    const box = $('problems');
    if (!list.length) {
      box.hidden = true;
      download();
      return;
    }
    const L = UI[lang];
    box.replaceChildren(
      el('h2', { id: 'problems-title' }, L.problemsTitle),
      el('p', {}, L.problemsIntro),
      el('ul', {}, list.map((d) => {
        const slot = $(slotOf(d)) || $('msg-' + baseItem(d));
        const target = slot && slot.dataset.for ? slot.dataset.for : null;
        return el('li', { class: d.severity }, target
          ? el('a', { href: '#' + target, onclick: (e) => { e.preventDefault(); $(target).focus(); } }, labelOf(d))
          : labelOf(d), ': ' + d.message);
      })),
      el('div', { class: 'row-actions' },
        el('button', { type: 'button', class: 'primary', id: 'save-anyway', onclick: () => { box.hidden = true; download(); } }, L.saveAnyway),
        el('button', { type: 'button', id: 'problems-back', onclick: () => { box.hidden = true; $('save').focus(); } }, L.back)));
    box.hidden = false;
    box.focus();
  }

  function download() {
    const file = (validId(state.participant) ? state.participant : 'answers') + '.yaml';
    const blob = new Blob([toYaml(Q, state)], { type: 'application/x-yaml' });
    const a = el('a', { href: URL.createObjectURL(blob), download: file, class: 'sr-only' });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    $('notice').textContent = UI[lang].saved(file);
  }

  function openFile(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const L = UI[lang];
      let s;
      try {
        s = fromYaml(Q, String(reader.result));
      } catch (e) {
        $('notice').textContent = L.openFailed;
        return;
      }
      if (s.questionnaire !== Q.id) { $('notice').textContent = L.otherQuestionnaire; return; }
      if (FIXED.participant && s.participant !== FIXED.participant) { $('notice').textContent = L.otherParticipant; return; }
      const answers = {};  // a page of one part keeps that part's answers only
      for (const item of Q.items) if (asked(item) && item.id in s.answers) answers[item.id] = s.answers[item.id];
      // The file of another part (the questionnaire opened in the worksheet's page) would empty
      // this page: it is not opened, and what the page holds stays.
      if (PART >= 0 && !Object.keys(answers).length) { $('notice').textContent = L.otherPart(t(Q.parts[PART].title)); return; }
      state = { participant: FIXED.participant || s.participant, name: s.name, cohort: FIXED.cohort || s.cohort, answers: answers };
      for (const item of Q.items)
        if (item.type === 'episodes') for (const row of state.answers[item.id] || []) row.__key = ++rowKeys;
      store();
      render();
      $('notice').textContent = L.opened(file.name);
    };
    reader.readAsText(file, 'utf-8');
  }

  load();
  render();
})();
