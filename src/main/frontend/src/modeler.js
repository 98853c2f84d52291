import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import CamundaBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaBpmn from 'camunda-bpmn-moddle/resources/camunda.json';
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json';
import { FormEditor } from '@bpmn-io/form-js-editor';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';

import { api, ApiError, el } from './api.js';
import { dateTime, onLanguage, setupLanguage, t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** What is open: { definition, version, kind, editor, dirty, problems } */
const state = { definitions: [], current: null, running: [], preview: null };

// ---------------------------------------------------------------------------------------------- definitions list

async function loadDefinitions() {
  state.definitions = await api('GET', '/modeler/api/definitions');
  renderDefinitions();
}

function versionLabel(v, latest) {
  let label = t('modeler.version', v.version);
  if (latest) label += ' (' + t('modeler.latest') + ')';
  if (v.runningInstances) label += ' · ' + t('modeler.runningCount', v.runningInstances);
  return label;
}

function renderDefinitions() {
  ['BPMN', 'DMN', 'FORM'].forEach((kind) => {
    const list = $('list-' + kind.toLowerCase());
    list.replaceChildren(...state.definitions.filter((d) => d.kind === kind).map((d) => {
      const select = el('select', { 'aria-label': d.key, 'data-key': d.key },
        d.versions.map((v, i) => el('option', { value: v.id }, versionLabel(v, i === 0))));
      const current = state.current && state.current.definition.kind === kind && state.current.definition.key === d.key;
      if (current) select.value = state.current.version.id;
      const name = el('span', { class: 'name', 'data-open': d.key }, d.kind === 'FORM' ? baseName(d.key) : d.name || d.key);
      const item = el('li', { class: current ? 'selected' : null, 'data-definition': d.key }, name,
        d.kind === 'FORM' ? null : el('span', { class: 'key' }, d.key), select);
      const open = () => openVersion(d, d.versions.find((v) => v.id === select.value));
      name.addEventListener('click', open);
      select.addEventListener('change', open);
      return item;
    }));
  });
}

// ----------------------------------------------------------------------------------------------------- editors

function destroyEditor() {
  if (state.current?.editor) state.current.editor.destroy();
  $('canvas').replaceChildren();
  $('properties').replaceChildren();
}

function createEditor(kind) {
  const container = $('canvas');
  $('editor-area').classList.toggle('no-panel', kind !== 'BPMN');
  if (kind === 'BPMN') {
    return new BpmnModeler({
      container,
      propertiesPanel: { parent: '#properties' },
      additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, CamundaBehaviors],
      moddleExtensions: { camunda: camundaBpmn }
    });
  }
  if (kind === 'DMN') {
    return new DmnModeler({ container, common: { moddleExtensions: { camunda: camundaDmn } } });
  }
  return new FormEditor({ container });
}

function commandStack() {
  const c = state.current;
  if (!c) return null;
  if (c.kind === 'BPMN') return c.editor.get('commandStack');
  if (c.kind === 'DMN') return c.editor.getActiveViewer()?.get('commandStack');
  return c.editor.get('commandStack');
}

async function content() {
  const c = state.current;
  if (c.kind === 'FORM') return JSON.stringify(c.editor.saveSchema(), null, 2);
  const { xml } = await c.editor.saveXML({ format: true });
  return xml;
}

function changed() {
  state.current.dirty = true;
  updateButtons();
  clearTimeout(state.current.validateTimer);
  state.current.validateTimer = setTimeout(validate, 800);
}

function listenForChanges() {
  const c = state.current;
  if (c.kind === 'BPMN') c.editor.on('commandStack.changed', changed);
  else if (c.kind === 'DMN') c.editor.on('views.changed', () => { hookDmnView(); updateButtons(); });
  else c.editor.on('changed', changed);
}

function hookDmnView() {
  const viewer = state.current.editor.getActiveViewer();
  if (viewer && !viewer.__hikeshi) {
    viewer.__hikeshi = true;
    viewer.on('commandStack.changed', changed);
  }
}

async function openVersion(definition, version) {
  if (state.current?.dirty && !window.confirm(t('modeler.unsaved'))) {
    renderDefinitions();
    return;
  }
  destroyEditor();
  const resource = await api('GET', '/modeler/api/resource?' + new URLSearchParams({ deploymentId: version.deploymentId, name: version.resourceName }));
  const editor = createEditor(definition.kind);
  state.current = { definition, version, kind: definition.kind, editor, dirty: false, problems: [] };
  if (definition.kind === 'FORM') await editor.importSchema(JSON.parse(resource.content));
  else await editor.importXML(resource.content);
  if (definition.kind === 'BPMN') fitRightOfPalette(editor.get('canvas'));
  if (definition.kind === 'DMN') hookDmnView();
  listenForChanges();
  $('current-title').removeAttribute('data-i18n');
  $('current-title').textContent = t('modeler.opened', baseName(version.resourceName), version.version);
  document.body.dataset.opened = version.id;
  renderDefinitions();
  renderBundle();
  showProblems([], false);
  updateButtons();
  await loadRunning();
  validate();
}

/** The whole diagram in view, none of it under the palette on the left. */
function fitRightOfPalette(canvas) {
  canvas.zoom('fit-viewport');
  const box = canvas.viewbox();
  const extra = 110 / box.scale;
  canvas.viewbox({ x: box.x - extra, y: box.y - 10 / box.scale, width: box.width + extra, height: (box.width + extra) * box.height / box.width });
}

const baseName = (name) => name.substring(name.lastIndexOf('/') + 1);

function updateButtons() {
  const open = !!state.current;
  const stack = commandStack();
  $('undo').disabled = !stack || !stack.canUndo();
  $('redo').disabled = !stack || !stack.canRedo();
  ['validate', 'download', 'open-deploy'].forEach((id) => { $(id).disabled = !open; });
}

// ------------------------------------------------------------------------------------------------- validation

function elementRegistry() {
  const c = state.current;
  if (c.kind === 'BPMN') return c.editor;
  if (c.kind === 'DMN') {
    const viewer = c.editor.getActiveViewer();
    return viewer && c.editor.getActiveView()?.type === 'drd' ? viewer : null;
  }
  return null;
}

function drawProblems(problems) {
  const diagram = elementRegistry();
  if (!diagram) return;
  const overlays = diagram.get('overlays');
  const canvas = diagram.get('canvas');
  const registry = diagram.get('elementRegistry');
  overlays.remove({ type: 'hikeshi-problem' });
  registry.getAll().forEach((e) => canvas.removeMarker(e, 'hikeshi-has-problem'));
  const counts = {};
  problems.forEach((p) => { if (p.elementId && registry.get(p.elementId)) counts[p.elementId] = (counts[p.elementId] || 0) + 1; });
  Object.entries(counts).forEach(([id, n]) => {
    canvas.addMarker(id, 'hikeshi-has-problem');
    const badge = el('div', { class: 'hikeshi-problem', 'data-problem-for': id, title: problems.filter((p) => p.elementId === id).map((p) => p.message).join('\n') }, '⚠ ' + n);
    overlays.add(id, 'hikeshi-problem', { position: { top: -10, right: 10 }, html: badge });
  });
}

function showProblems(problems, validated = true) {
  state.current && (state.current.problems = problems);
  const count = $('problem-count');
  count.textContent = String(problems.length);
  count.classList.toggle('hidden', problems.length === 0);
  const status = $('validation-status');
  status.removeAttribute('data-i18n');
  status.className = validated ? (problems.length ? 'message error' : 'message ok') : 'muted';
  status.textContent = !validated ? t('modeler.notValidated') : problems.length ? t('modeler.invalid', problems.length) : t('modeler.valid');
  $('problems').replaceChildren(...problems.map((p) => {
    const item = el('li', { 'data-element': p.elementId || '' }, el('code', {}, p.elementId || t('modeler.wholeFile')), ' ', p.message);
    item.addEventListener('click', () => selectElement(p.elementId));
    return item;
  }));
  drawProblems(problems);
}

function selectElement(id) {
  const diagram = elementRegistry();
  const element = id && diagram?.get('elementRegistry').get(id);
  if (!element) return;
  const canvas = diagram.get('canvas');
  canvas.zoom(1);
  canvas.scrollToElement(element, { top: 120, bottom: 120, left: 260, right: 260 });
  diagram.get('selection').select(element);
}

async function validate() {
  const c = state.current;
  if (!c) return;
  const status = $('validation-status');
  status.textContent = t('modeler.validating');
  const result = await api('POST', '/modeler/api/validate', { resourceName: c.version.resourceName, content: await content() });
  if (state.current === c) showProblems(result.problems);
}

// ---------------------------------------------------------------------------------------------------- deploy

function renderBundle() {
  const c = state.current;
  const info = $('bundle-info');
  if (!c) { info.textContent = ''; return; }
  info.textContent = c.version.note ? t('modeler.by', c.version.deployedBy, c.version.note) : '';
}

async function deploy(event) {
  event.preventDefault();
  const c = state.current;
  const note = $('note').value.trim();
  const result = $('deploy-result');
  if (!note) {
    result.replaceChildren(el('div', { class: 'message error' }, t('modeler.noteRequired')));
    return;
  }
  $('deploy').disabled = true;
  try {
    const deployed = await api('POST', '/modeler/api/deployments', {
      resourceName: c.version.resourceName, content: await content(), baseDeploymentId: c.version.deploymentId, note
    });
    const own = deployed.definitions.find((d) => d.kind === c.kind && d.key === c.definition.key) || deployed.definitions[0];
    result.replaceChildren(el('div', { class: 'message ok', id: 'deployed' },
      own ? t('modeler.deployed', own.version, deployed.deploymentId) : t('modeler.deployedForm', baseName(deployed.resourceName), deployed.deploymentId),
      deployed.bundled.length ? el('div', { class: 'muted' }, t('modeler.bundle', deployed.bundled.map(baseName).join(', '))) : null));
    $('note').value = '';
    c.dirty = false;
    await loadDefinitions();
    const definition = state.definitions.find((d) => d.kind === c.kind && d.key === c.definition.key);
    const version = definition && (own ? definition.versions.find((v) => v.id === own.id) : definition.versions[0]);
    if (version) {
      c.definition = definition;
      c.version = version;
      document.body.dataset.opened = version.id;
      $('current-title').textContent = t('modeler.opened', baseName(version.resourceName), version.version);
      renderDefinitions();
      renderBundle();
      await loadRunning();
    }
  } catch (e) {
    if (e instanceof ApiError && e.problem.problems) {
      showProblems(e.problem.problems);
      result.replaceChildren(el('div', { class: 'message error', id: 'deploy-refused' }, t('modeler.refused'), ' ', e.message));
    } else {
      result.replaceChildren(el('div', { class: 'message error' }, e.message));
    }
  } finally {
    $('deploy').disabled = false;
  }
}

// ------------------------------------------------------------------------------------ running incidents, migration

async function loadRunning() {
  const c = state.current;
  const target = $('running');
  $('migration').classList.toggle('hidden', c?.kind !== 'BPMN');
  $('migration-result').replaceChildren();
  $('migration-execute').disabled = true;
  if (c?.kind !== 'BPMN') {
    target.replaceChildren(el('p', { class: 'muted' }, t('modeler.onlyBpmn')));
    return;
  }
  state.running = await api('GET', '/modeler/api/processes/' + encodeURIComponent(c.definition.key) + '/running');
  renderRunning();
}

function renderRunning() {
  const c = state.current;
  if (!c || c.kind !== 'BPMN') return;
  const versions = c.definition.versions;
  const byVersion = versions.filter((v) => v.runningInstances > 0);
  const target = $('running');
  if (!state.running.length) {
    target.replaceChildren(el('p', { class: 'muted', id: 'no-running' }, t('modeler.noRunning')));
  } else {
    target.replaceChildren(
      el('p', {}, byVersion.map((v) => el('span', { class: 'badge', 'data-running-version': v.version }, t('modeler.version', v.version) + ': ' + t('modeler.runningCount', v.runningInstances))).flatMap((b) => [b, ' '])),
      el('table', { id: 'running-table' },
        el('thead', {}, el('tr', {}, [t('modeler.reference'), t('modeler.organization'), t('modeler.versionCol'), t('modeler.where')].map((h) => el('th', {}, h)))),
        el('tbody', {}, state.running.map((r) => el('tr', { 'data-instance': r.processInstanceId },
          el('td', {}, r.reference || r.processInstanceId), el('td', {}, r.organization || ''), el('td', {}, r.version), el('td', {}, r.activeActivityIds.join(', ')))))));
  }
  const from = $('migrate-from');
  const to = $('migrate-to');
  from.replaceChildren(...byVersion.map((v) => el('option', { value: v.id }, versionLabel(v, false))));
  to.replaceChildren(...versions.map((v, i) => el('option', { value: v.id }, versionLabel(v, i === 0))));
  if (versions.length) to.value = versions[0].id;
}

function renderMigration(report) {
  const migratable = report.instances.filter((i) => i.migratable).length;
  const summary = report.executed ? t('modeler.executedSummary', report.instances.length, report.instances.filter((i) => i.migrated).length)
    : t('modeler.previewSummary', report.instances.length, migratable);
  $('migration-result').replaceChildren(
    el('div', { class: 'message ' + (report.executed ? 'ok' : 'info'), id: report.executed ? 'migration-done' : 'migration-summary' }, summary),
    el('p', { class: 'muted' }, t('modeler.mappings', report.mappings.length), report.unmapped.length ? ' · ' + t('modeler.unmapped', report.unmapped.join(', ')) : ''),
    el('table', {},
      el('thead', {}, el('tr', {}, [t('modeler.reference'), t('modeler.where'), t('modeler.result')].map((h) => el('th', {}, h)))),
      el('tbody', {}, report.instances.map((i) => el('tr', {},
        el('td', {}, i.reference || i.processInstanceId), el('td', {}, i.activeActivityIds.join(', ')),
        el('td', {}, el('span', { class: 'badge ' + (i.migratable ? 'ok' : 'bad') }, i.migrated ? t('modeler.migratedOk') : i.migratable ? t('modeler.canMigrate') : t('modeler.cannotMigrate')),
          i.reasons.length ? el('div', { class: 'muted' }, i.reasons.join(' / ')) : null))))));
  $('migration-execute').disabled = report.executed || migratable === 0;
}

async function migration(execute) {
  const body = { sourceDefinitionId: $('migrate-from').value, targetDefinitionId: $('migrate-to').value };
  if (!body.sourceDefinitionId || body.sourceDefinitionId === body.targetDefinitionId) {
    $('migration-result').replaceChildren(el('div', { class: 'message error' }, t('modeler.sameVersion')));
    return;
  }
  try {
    const report = await api('POST', execute ? '/modeler/api/migrations' : '/modeler/api/migrations/preview', body);
    renderMigration(report);
    if (execute) {
      await loadDefinitions();
      state.current.definition = state.definitions.find((d) => d.kind === 'BPMN' && d.key === state.current.definition.key);
      state.running = await api('GET', '/modeler/api/processes/' + encodeURIComponent(state.current.definition.key) + '/running');
      const result = $('migration-result').cloneNode(true);
      renderRunning();
      $('migration-result').replaceWith(result);
    }
  } catch (e) {
    $('migration-result').replaceChildren(el('div', { class: 'message error' }, e.message));
  }
}

// -------------------------------------------------------------------------------------------------------- page

function showTab(name) {
  document.querySelectorAll('.tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
  ['problems', 'deploy', 'running'].forEach((tab) => $('tab-' + tab).classList.toggle('hidden', tab !== name));
}

async function download() {
  const c = state.current;
  const blob = new Blob([await content()], { type: c.kind === 'FORM' ? 'application/json' : 'application/xml' });
  const link = el('a', { href: URL.createObjectURL(blob), download: baseName(c.version.resourceName) });
  document.body.append(link);
  link.click();
  link.remove();
}

setupLanguage();
onLanguage(() => { renderDefinitions(); renderRunning(); if (state.current) showProblems(state.current.problems); });
document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
$('undo').addEventListener('click', () => { commandStack()?.undo(); });
$('redo').addEventListener('click', () => { commandStack()?.redo(); });
$('validate').addEventListener('click', () => { showTab('problems'); validate(); });
$('download').addEventListener('click', download);
$('open-deploy').addEventListener('click', () => { showTab('deploy'); $('note').focus(); });
$('deploy-form').addEventListener('submit', deploy);
$('migration-preview').addEventListener('click', () => migration(false));
$('migration-execute').addEventListener('click', () => migration(true));
window.addEventListener('beforeunload', (event) => { if (state.current?.dirty) event.preventDefault(); });

loadDefinitions().then(() => {
  document.body.dataset.loaded = 'true';
  const wanted = new URLSearchParams(window.location.search).get('open');
  const definition = state.definitions.find((d) => d.key === wanted);
  if (definition) openVersion(definition, definition.versions[0]);
});
