// Japanese first, English on request; the choice is kept in the browser (localStorage).
const KEY = 'hikeshi.lang';

const TEXTS = {
  ja: {
    'app.subtitle': '管理者ツール',
    'nav.dashboard': 'ダッシュボード', 'nav.modeler': 'モデラー', 'nav.logout': 'ログアウト',
    'login.title': '管理者ログイン', 'login.hint': 'ダッシュボードとモデラーは managers グループのユーザーが使えます。',
    'login.error': 'ユーザー名またはパスワードが違います。', 'login.loggedOut': 'ログアウトしました。',
    'login.user': 'ユーザー名', 'login.password': 'パスワード', 'login.submit': 'ログイン',
    'denied.title': 'このページは管理者用です',
    'denied.text': 'ダッシュボードとモデラーは managers グループのメンバーだけが使えます。別のユーザーでログインしてください。',
    'modeler.processes': 'プロセス', 'modeler.decisions': '決定表 (DMN)', 'modeler.forms': 'フォーム',
    'modeler.choose': '左の一覧から図を選んでください', 'modeler.undo': '元に戻す', 'modeler.redo': 'やり直す',
    'modeler.validate': '検証', 'modeler.download': 'ダウンロード', 'modeler.deploy': 'デプロイ…',
    'modeler.empty': 'プロセス、決定表、フォームを開くと、ここで編集できます。',
    'modeler.problems': '検証結果', 'modeler.deployTab': 'デプロイ', 'modeler.running': '実行中のインシデントと移行',
    'modeler.notValidated': 'まだ検証していません。', 'modeler.note': '変更内容 (必須。誰がなぜ変えたかを残します)',
    'modeler.deployNow': '新しいバージョンをデプロイ', 'modeler.migrateFrom': '移行元', 'modeler.migrateTo': '移行先',
    'modeler.preview': '移行内容を確認', 'modeler.migrate': '移行を実行',
    'modeler.version': 'バージョン {0}', 'modeler.latest': '最新', 'modeler.runningCount': '実行中 {0}件',
    'modeler.validating': '検証中…', 'modeler.valid': '問題はありません。サーバーのデプロイ検査を通ります。',
    'modeler.invalid': '{0}件の問題があります。このままではデプロイできません。',
    'modeler.wholeFile': 'ファイル全体', 'modeler.opened': '{0} (バージョン {1}) を開きました',
    'modeler.bundle': '一緒にデプロイされるファイル: {0}', 'modeler.deployed': 'バージョン {0} をデプロイしました (デプロイ ID {1})。',
    'modeler.deployedForm': 'フォーム {0} をデプロイしました (デプロイ ID {1})。',
    'modeler.refused': 'デプロイは拒否されました。何もデプロイされていません。',
    'modeler.noteRequired': '変更内容を入力してください。', 'modeler.by': '{0} がデプロイ: {1}',
    'modeler.noRunning': '実行中のインシデントはありません。', 'modeler.onlyBpmn': '実行中のインシデントはプロセスにだけあります。',
    'modeler.instances': '実行中のインシデント', 'modeler.reference': '受付番号', 'modeler.organization': '依頼元',
    'modeler.where': '現在の位置', 'modeler.versionCol': 'バージョン', 'modeler.result': '結果',
    'modeler.mappings': '対応づけられたアクティビティ: {0}件', 'modeler.unmapped': '新しいバージョンに対応のないアクティビティ: {0}',
    'modeler.canMigrate': '移行できます', 'modeler.cannotMigrate': '移行できません', 'modeler.migratedOk': '移行しました',
    'modeler.previewSummary': '確認のみ (まだ何も変わっていません): {0}件中 {1}件を移行できます。',
    'modeler.executedSummary': '{0}件中 {1}件を移行しました。', 'modeler.sameVersion': '移行元と移行先に別のバージョンを選んでください。',
    'modeler.unsaved': '保存していない変更があります。破棄して開きますか?',
    'dash.from': '期間', 'dash.show': '表示', 'dash.csv': 'CSV エクスポート',
    'dash.sla': '駆け付け SLA 遵守率 (受付から24時間以内)', 'dash.open': '対応中のインシデント (フェーズ別)',
    'dash.times': '所要時間 (中央値と90パーセンタイル、時間)', 'dash.workload': 'コーディネーターの担当タスク',
    'dash.deadlines': '期限が近いもの', 'dash.outbox': 'メール送信の状態', 'dash.breaches': 'SLA 違反 (期間内)',
    'dash.generated': '{0} 時点 (日本時間)', 'dash.slaDetail': '判定済み {0}件中 {1}件が期限内 · 違反 {2}件 · 期限前 {3}件',
    'dash.noDecided': '期間内に判定済みのインシデントはありません',
    'dash.toDispatch': '駆け付けまで', 'dash.toInitialReport': '初動報告まで', 'dash.toClose': '完了まで',
    'dash.median': '中央値', 'dash.p90': '90%', 'dash.n': '件数', 'dash.hours': '{0} 時間',
    'dash.unassigned': '未割り当てのタスク (coordinators): {0}件', 'dash.assigned': '担当', 'dash.overdue': '期限超過',
    'dash.noDeadlines': '{0}時間以内の期限はありません。', 'dash.due': '期限', 'dash.kind': '種類', 'dash.overdueBadge': '超過',
    'dash.outboxOK': '正常', 'dash.outboxDELAYED': '遅延', 'dash.outboxFAILING': '送信失敗あり',
    'dash.oldest': '最も古い未送信: {0}分前', 'dash.sent24h': '過去24時間の送信: {0}通',
    'dash.failedMail': '送信失敗', 'dash.attempts': '試行', 'dash.error': 'エラー', 'dash.event': 'イベント',
    'dash.noBreaches': '期間内の SLA 違反はありません。', 'dash.called': '受付', 'dash.dispatched': '駆け付け',
    'dash.late': '超過', 'dash.notYet': '未駆け付け', 'dash.minutes': '{0}分', 'dash.hoursMinutes': '{0}時間{1}分'
  },
  en: {
    'app.subtitle': 'Managers\' tools',
    'nav.dashboard': 'Dashboard', 'nav.modeler': 'Modeler', 'nav.logout': 'Log out',
    'login.title': 'Managers\' login', 'login.hint': 'The dashboard and the modeler are for users of the group managers.',
    'login.error': 'Wrong user name or password.', 'login.loggedOut': 'You are logged out.',
    'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Log in',
    'denied.title': 'This page is for managers',
    'denied.text': 'Only members of the group managers may use the dashboard and the modeler. Log in as another user.',
    'modeler.processes': 'Processes', 'modeler.decisions': 'Decisions (DMN)', 'modeler.forms': 'Forms',
    'modeler.choose': 'Choose a diagram on the left', 'modeler.undo': 'Undo', 'modeler.redo': 'Redo',
    'modeler.validate': 'Validate', 'modeler.download': 'Download', 'modeler.deploy': 'Deploy…',
    'modeler.empty': 'Open a process, a decision or a form to edit it here.',
    'modeler.problems': 'Validation', 'modeler.deployTab': 'Deploy', 'modeler.running': 'Running incidents and migration',
    'modeler.notValidated': 'Not validated yet.', 'modeler.note': 'What changed (required: who changed what and why stays on record)',
    'modeler.deployNow': 'Deploy a new version', 'modeler.migrateFrom': 'From', 'modeler.migrateTo': 'To',
    'modeler.preview': 'Preview migration', 'modeler.migrate': 'Migrate',
    'modeler.version': 'version {0}', 'modeler.latest': 'latest', 'modeler.runningCount': '{0} running',
    'modeler.validating': 'Validating…', 'modeler.valid': 'No problems: the server\'s deployment check accepts it.',
    'modeler.invalid': '{0} problem(s): it cannot be deployed like this.',
    'modeler.wholeFile': 'whole file', 'modeler.opened': 'Opened {0} (version {1})',
    'modeler.bundle': 'Deployed with it: {0}', 'modeler.deployed': 'Deployed version {0} (deployment {1}).',
    'modeler.deployedForm': 'Deployed the form {0} (deployment {1}).',
    'modeler.refused': 'The deployment was refused; nothing was deployed.',
    'modeler.noteRequired': 'Say what changed.', 'modeler.by': 'deployed by {0}: {1}',
    'modeler.noRunning': 'No running incidents.', 'modeler.onlyBpmn': 'Only processes have running incidents.',
    'modeler.instances': 'Running incidents', 'modeler.reference': 'Reference', 'modeler.organization': 'Client',
    'modeler.where': 'Waiting at', 'modeler.versionCol': 'Version', 'modeler.result': 'Result',
    'modeler.mappings': '{0} activities mapped', 'modeler.unmapped': 'Activities without a counterpart in the target: {0}',
    'modeler.canMigrate': 'can migrate', 'modeler.cannotMigrate': 'cannot migrate', 'modeler.migratedOk': 'migrated',
    'modeler.previewSummary': 'Preview only (nothing changed yet): {1} of {0} can migrate.',
    'modeler.executedSummary': 'Migrated {1} of {0}.', 'modeler.sameVersion': 'Choose two different versions.',
    'modeler.unsaved': 'There are changes not deployed. Discard them and open another?',
    'dash.from': 'Period', 'dash.show': 'Show', 'dash.csv': 'Export CSV',
    'dash.sla': 'Dispatch SLA compliance (within 24 h of the call)', 'dash.open': 'Open incidents by phase',
    'dash.times': 'Durations (median and 90th percentile, hours)', 'dash.workload': 'Coordinators\' open tasks',
    'dash.deadlines': 'Deadlines due soon', 'dash.outbox': 'Mail outbox health', 'dash.breaches': 'SLA breaches in the period',
    'dash.generated': 'as of {0} (Japan time)', 'dash.slaDetail': '{1} of {0} decided in time · {2} breached · {3} pending',
    'dash.noDecided': 'No decided incidents in the period',
    'dash.toDispatch': 'To dispatch', 'dash.toInitialReport': 'To initial report', 'dash.toClose': 'To close',
    'dash.median': 'Median', 'dash.p90': 'p90', 'dash.n': 'n', 'dash.hours': '{0} h',
    'dash.unassigned': 'Unassigned tasks (coordinators): {0}', 'dash.assigned': 'assigned', 'dash.overdue': 'overdue',
    'dash.noDeadlines': 'No deadline within {0} hours.', 'dash.due': 'Due', 'dash.kind': 'Kind', 'dash.overdueBadge': 'overdue',
    'dash.outboxOK': 'OK', 'dash.outboxDELAYED': 'Delayed', 'dash.outboxFAILING': 'Failing',
    'dash.oldest': 'Oldest unsent: {0} min ago', 'dash.sent24h': 'Sent in the last 24 h: {0}',
    'dash.failedMail': 'Failed', 'dash.attempts': 'Attempts', 'dash.error': 'Error', 'dash.event': 'Event',
    'dash.noBreaches': 'No SLA breach in the period.', 'dash.called': 'Called', 'dash.dispatched': 'Dispatched',
    'dash.late': 'Late by', 'dash.notYet': 'not dispatched', 'dash.minutes': '{0} min', 'dash.hoursMinutes': '{0} h {1} min'
  }
};

export function lang() {
  const chosen = window.localStorage.getItem(KEY);
  return chosen === 'en' ? 'en' : 'ja';
}

export function t(key, ...args) {
  const text = TEXTS[lang()][key] ?? TEXTS.ja[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i) => String(args[Number(i)] ?? ''));
}

const listeners = [];

/** Called again whenever the language changes. */
export function onLanguage(render) {
  listeners.push(render);
}

export function applyTexts(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.documentElement.lang = lang();
  document.querySelectorAll('.lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
}

export function setupLanguage() {
  document.querySelectorAll('.lang button').forEach((button) => {
    button.addEventListener('click', () => {
      window.localStorage.setItem(KEY, button.dataset.lang);
      applyTexts();
      listeners.forEach((render) => render());
    });
  });
  applyTexts();
}

/** Date and time in Japan time, in the page's language. */
export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang() === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  }).format(new Date(iso));
}
