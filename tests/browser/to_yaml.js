// Writes answers files with an answer page's own script, for tests/e2e/form_html_test.cpp:
//   node to_yaml.js PAGE.html STATES.json  ->  stdout: a JSON list of the answers files (YAML text)
// STATES.json is a list of page states {participant, name, cohort, answers}.
'use strict';
const fs = require('fs');
const { loadPage } = require('./page_core');

const [page, states] = process.argv.slice(2);
const { core, data } = loadPage(page);
const out = JSON.parse(fs.readFileSync(states, 'utf8')).map((s) => core.toYaml(data.questionnaire, s));
process.stdout.write(JSON.stringify(out));
