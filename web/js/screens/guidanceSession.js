// One guidance appointment: its facts, the join button (enabled only from 15 minutes before
// the start until 30 minutes after the end, as the server issues links), reschedule and
// cancel with a reason, and the record of the session (オンライン服薬指導の記録) with the
// fee the server computes. Audio only never counts as online guidance: the server refuses it
// as "completed", and the form offers to record it as a switch to face-to-face instead.
import { get, post } from '../api.js';
import { textDialog } from '../dialog.js';
import { announce, busy, clearErrors, field, formatTokyo, h, showError } from '../dom.js';
import { flashNotice, heading, loadError, section } from './common.js';
import { appointmentStatusBadge, slotPicker } from './guidance.js';
import { dayLabel, isoFromTokyoInput, tokyoDate, tokyoHhmm, tokyoLocalInput } from './tokyo.js';

const kOpenBeforeMs = 15 * 60_000;
const kCloseAfterMs = 30 * 60_000;

const kIdentityDocuments = [
  ['none', '確認していない（2回目以降）'],
  ['my_number_card', 'マイナンバーカード'],
  ['drivers_license', '運転免許証'],
  ['passport', 'パスポート'],
  ['other', 'その他の顔写真付き身分証'],
];
const kTopics = [
  ['effects', '効能・効果'],
  ['side_effects', '副作用'],
  ['usage', '用法・用量'],
  ['storage', '保管方法'],
];
const kOutcomes = [
  ['completed', 'オンライン服薬指導を完了'],
  ['switched_to_face_to_face', '対面に切り替えた'],
  ['stopped', '中止した'],
];
const kModes = [
  ['video', '映像と音声（ビデオ通話）'],
  ['audio_only', '音声のみ（電話）'],
];
const kFeeKinds = {
  medication_management_online: '服薬管理指導料（情報通信機器）',
  home_patient_online: '在宅患者オンライン薬剤管理指導料',
  none: '算定なし',
};

/** Whether the join link can be issued now (the server has the last word). */
export function joinWindowOpen(a, now = Date.now()) {
  return a.status === 'booked' && now >= new Date(a.start).getTime() - kOpenBeforeMs && now <= new Date(a.end).getTime() + kCloseAfterMs;
}

function checkbox(name, label, { checked = false, hint } = {}) {
  const id = `rec-${name}`;
  return h(
    'div',
    { class: 'field field-check', 'data-field': name },
    h('label', { for: id }, h('input', { type: 'checkbox', id, name, checked }), ` ${label}`),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('p', { class: 'field-error', hidden: true, id: `${id}-error` }),
  );
}

function radios(name, legend, options, value) {
  return h(
    'fieldset',
    { class: 'field', 'data-field': name },
    h('legend', {}, legend),
    h('div', { class: 'choices' }, options.map(([v, l]) => h('label', { class: 'choice' }, h('input', { type: 'radio', name, value: v, checked: v === value }), ` ${l}`))),
    h('p', { class: 'field-error', hidden: true, id: `rec-${name}-error` }),
  );
}

function feeView(record) {
  const fee = record.fee || {};
  return h(
    'div',
    { class: 'fee-box', 'data-fee-points': fee.points ?? 0 },
    h('p', { class: 'fee-points' }, `${kFeeKinds[fee.kind] || fee.kind || '算定'}：`, h('strong', {}, `${fee.points ?? 0} 点`)),
    fee.reason ? h('p', { class: 'fee-reason' }, `理由: ${fee.reason}`) : null,
  );
}

function recordView(record) {
  const topics = (record.explained_topics || []).map((t) => (kTopics.find(([v]) => v === t) || [t, t])[1]);
  const outcome = (kOutcomes.find(([v]) => v === record.outcome) || [record.outcome, record.outcome])[1];
  const row = (dt, dd) => h('div', {}, h('dt', {}, dt), h('dd', {}, dd));
  return h(
    'div',
    { class: 'record-view', 'data-record-outcome': record.outcome },
    feeView(record),
    h(
      'dl',
      { class: 'rx-facts' },
      row('開始', record.started_at ? formatTokyo(record.started_at) : '—'),
      row('終了', record.ended_at ? formatTokyo(record.ended_at) : '—'),
      row('方法', (kModes.find(([v]) => v === record.mode) || [record.mode, record.mode])[1]),
      row('結果', outcome),
      row('本人確認', (kIdentityDocuments.find(([v]) => v === record.identity_document) || ['', record.identity_document])[1]),
      row('説明した内容', topics.join('・') || '—'),
      record.stop_reason ? row('理由', record.stop_reason) : null,
      row('記録', `${formatTokyo(record.recorded_at)} ${record.recorded_by || ''}`),
    ),
  );
}

export function render(main, ctx) {
  const id = Number(ctx.params.id);
  ctx.setTitle(`服薬指導の予約 #${id}`);
  const titleEl = heading(`服薬指導の予約 #${id}`);
  const body = h('div', {});
  main.append(
    h('div', { class: 'screen-head' }, titleEl, h('a', { class: 'button button-secondary', href: '/guidance', 'data-link': true }, '← カレンダーへ')),
    flashNotice(ctx.flash) || '',
    body,
  );
  let appt = null;
  let joinTimer = null;
  ctx.onLeave(() => clearInterval(joinTimer));

  async function load(focus) {
    try {
      appt = await get(`/api/v1/guidance/appointments/${id}`);
      let record = null;
      if (appt.recorded || appt.status === 'completed') record = await get(`/api/v1/guidance/appointments/${id}/record`).catch(() => null);
      if (!ctx.alive()) return;
      show(record);
      if (focus) document.getElementById(focus)?.focus();
    } catch (e) {
      if (ctx.alive()) body.replaceChildren(loadError(e));
    }
  }

  function show(record) {
    const mine = appt.pharmacist.login === ctx.user.login;
    titleEl.textContent = `服薬指導 ${dayLabel(tokyoDate(appt.start))} ${tokyoHhmm(appt.start)}`;
    const parts = [factsSection(mine)];
    if (appt.status === 'booked' && !appt.recorded) {
      parts.push(changeSection());
      if (mine && ctx.user.role === 'pharmacist') parts.push(recordSection());
      else parts.push(section('record-heading', '指導記録', h('p', { class: 'muted' }, `指導記録は担当の薬剤師（${appt.pharmacist.display_name || appt.pharmacist.login}）が入力します。`)));
    } else if (record) {
      parts.push(section('record-heading', '指導記録', recordView(record)));
    }
    body.replaceChildren(...parts);
  }

  function factsSection(mine) {
    const join = h('button', { type: 'button', class: 'button button-join', 'data-action': 'join' }, 'ビデオ通話に参加');
    const joinHint = h('p', { class: 'hint', id: 'join-hint' });
    join.setAttribute('aria-describedby', 'join-hint');
    const joinResult = h('div', {});
    const updateJoin = () => {
      const open = joinWindowOpen(appt);
      join.disabled = !open || !mine;
      if (!mine) joinHint.textContent = '参加できるのは担当の薬剤師だけです。';
      else if (appt.status !== 'booked') joinHint.textContent = 'この予約は終了または取消済みです。';
      else if (open) joinHint.textContent = '参加できます（新しいタブで開きます）。';
      else if (Date.now() < new Date(appt.start).getTime()) joinHint.textContent = `開始 15 分前（${tokyoHhmm(new Date(new Date(appt.start).getTime() - kOpenBeforeMs))}）から参加できます。`;
      else joinHint.textContent = '参加できる時間を過ぎました。';
    };
    updateJoin();
    clearInterval(joinTimer);
    joinTimer = setInterval(updateJoin, 20_000);
    join.addEventListener('click', async () => {
      joinResult.replaceChildren();
      join.disabled = true;
      try {
        const link = await get(`/api/v1/guidance/appointments/${id}/join`);
        if (!ctx.alive()) return;
        // noopener: the video tab gets no handle on this page (window.open then returns null).
        window.open(link.url, '_blank', 'noopener,noreferrer');
        joinResult.replaceChildren(
          h('p', { class: 'notice notice-info' }, '通話の画面を新しいタブで開きました。開かない場合は ', h('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer' }, 'こちら'), ' から参加してください。'),
        );
        if (!appt.session_started_at) {
          appt = await post(`/api/v1/guidance/appointments/${id}/start`, {});
          announce('指導を開始しました（開始時刻を記録しました）');
        }
      } catch (e) {
        if (ctx.alive()) joinResult.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert', 'data-error-code': e.code }, `参加できませんでした: ${e.message}`));
      } finally {
        updateJoin();
      }
    });
    const startButton =
      mine && appt.status === 'booked' && !appt.session_started_at
        ? h(
            'button',
            {
              type: 'button',
              class: 'button button-secondary',
              'data-action': 'start',
              onclick: async (event) => {
                event.target.disabled = true;
                try {
                  appt = await post(`/api/v1/guidance/appointments/${id}/start`, {});
                  announce('開始時刻を記録しました');
                  show(null);
                  document.getElementById('appt-heading')?.focus();
                } catch (e) {
                  event.target.disabled = false;
                  joinResult.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' }, `開始できませんでした: ${e.message}`));
                }
              },
            },
            '指導の開始を記録',
          )
        : null;
    const row = (dt, dd) => h('div', {}, h('dt', {}, dt), h('dd', {}, dd));
    return section(
      'appt-heading',
      '予約',
      h(
        'dl',
        { class: 'rx-facts' },
        row('日時', `${dayLabel(tokyoDate(appt.start))} ${tokyoHhmm(appt.start)}–${tokyoHhmm(appt.end)}`),
        row('状態', appointmentStatusBadge(appt)),
        row('薬剤師', appt.pharmacist.display_name || appt.pharmacist.login),
        row('患者', appt.patient_initials ? `${appt.patient_initials} 様` : '—'),
        row('処方箋', h('a', { href: `/prescriptions/${appt.prescription_id}`, 'data-link': true }, `#${appt.prescription_id}`)),
        row('連絡先', appt.contact ? `${appt.contact.channel === 'email' ? 'メール' : appt.contact.channel === 'sms' ? 'SMS' : appt.contact.channel} ${appt.contact.address || ''}` : '連絡しない'),
        appt.session_started_at ? row('開始記録', formatTokyo(appt.session_started_at)) : null,
        appt.change_reason ? row('変更理由', appt.change_reason) : null,
        appt.cancel_reason ? row('取消理由', appt.cancel_reason) : null,
      ),
      appt.status === 'booked' ? h('div', { class: 'form-actions join-actions' }, join, startButton) : null,
      appt.status === 'booked' ? joinHint : null,
      joinResult,
    );
  }

  function changeSection() {
    const slots = h('div', {});
    const form = h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': '予約の変更' },
      field('新しい日付', { name: 'date', type: 'date', value: tokyoDate(appt.start) }),
      slots,
      h('div', { class: 'field', 'data-field': 'reason' }, h('label', { for: 'reschedule-reason' }, '変更の理由（必須）'), h('textarea', { id: 'reschedule-reason', name: 'reason', rows: 2, maxlength: 1000 }), h('p', { class: 'field-error', hidden: true, id: 'reschedule-reason-error' })),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'reschedule' }, '予約を変更する')),
    );
    const loadSlots = () => slotPicker(slots, appt.pharmacist.login, form.elements.date.value || tokyoDate(), { excludeId: appt.id }).catch((e) => slots.replaceChildren(loadError(e)));
    form.elements.date.addEventListener('change', loadSlots);
    const details = h('details', { class: 'change-box' }, h('summary', {}, '予約を変更する'), form);
    details.addEventListener('toggle', () => {
      if (details.open && !slots.childElementCount) loadSlots();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const start = form.querySelector('input[name="start"]:checked')?.value;
      const reason = form.elements.reason.value.trim();
      if (!start) return showError(form, '新しい時間を選んでください', 'start');
      if (!reason) return showError(form, '変更の理由を入力してください', 'reason');
      const done = busy(form);
      try {
        appt = await post(`/api/v1/guidance/appointments/${id}/reschedule`, { start, reason });
        if (!ctx.alive()) return;
        announce('予約を変更しました');
        show(null);
        document.getElementById('appt-heading')?.focus();
      } catch (e) {
        done();
        showError(form, e.message, e.field === 'reason' ? 'reason' : e.field === 'start' ? 'start' : null);
      }
    });
    const cancelResult = h('div', {});
    const cancel = h(
      'button',
      {
        type: 'button',
        class: 'button button-danger',
        'data-action': 'cancel-appointment',
        onclick: async () => {
          const reason = await textDialog({
            title: '予約の取消',
            message: `${dayLabel(tokyoDate(appt.start))} ${tokyoHhmm(appt.start)} の予約を取り消します。連絡先があれば患者さんに取消の連絡が送られます。`,
            label: '取消の理由（必須）',
            confirmLabel: '予約を取り消す',
            danger: true,
          });
          if (reason === null || !ctx.alive()) return;
          try {
            appt = await post(`/api/v1/guidance/appointments/${id}/cancel`, { reason });
            if (!ctx.alive()) return;
            announce('予約を取り消しました');
            show(null);
            document.getElementById('appt-heading')?.focus();
          } catch (e) {
            cancelResult.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' }, `取り消せませんでした: ${e.message}`));
          }
        },
      },
      '予約を取り消す',
    );
    return section('change-heading', '変更・取消', details, h('div', { class: 'form-actions' }, cancel), cancelResult);
  }

  function recordSection() {
    const startDefault = appt.session_started_at || (Date.now() > new Date(appt.start).getTime() ? appt.start : new Date(Date.now() - 10 * 60_000).toISOString());
    const othersBox = h('div', { class: 'sub-fields' }, field('同席者（続柄など）', { name: 'others_description', maxlength: 500, autocomplete: 'off' }), checkbox('others_consent', '同席について患者の同意を得た'));
    const identityBox = h(
      'div',
      { class: 'sub-fields' },
      field('本人確認に用いた書類', { name: 'identity_document' }, { options: kIdentityDocuments, hint: '初回は顔写真付きの身分証で本人確認します' }),
      field('その他の書類名', { name: 'identity_document_other', maxlength: 200, autocomplete: 'off' }),
      checkbox('pharmacist_identity_shown', '薬剤師の氏名と資格を患者に示した'),
    );
    const recordingConsent = checkbox('recording_consent', '録画・録音について患者の同意を得た');
    const stopBox = h('div', { class: 'field', 'data-field': 'stop_reason' }, h('label', { for: 'rec-stop_reason' }, '切替・中止の理由'), h('textarea', { id: 'rec-stop_reason', name: 'stop_reason', rows: 2, maxlength: 1000 }), h('p', { class: 'field-error', hidden: true, id: 'rec-stop_reason-error' }));
    const audioHint = h('p', { class: 'notice notice-warning', id: 'audio-only-hint', hidden: true }, '音声のみの通話はオンライン服薬指導として認められません。「対面に切り替えた」または「中止した」として理由を記録してください。');
    const findings = h('div', { class: 'record-findings' });
    const form = h(
      'form',
      { class: 'form record-form', novalidate: true, 'aria-labelledby': 'record-heading' },
      h('div', { class: 'form-grid' }, field('開始時刻', { name: 'started_at', type: 'datetime-local', value: tokyoLocalInput(startDefault), required: true }), field('終了時刻', { name: 'ended_at', type: 'datetime-local', value: tokyoLocalInput(new Date()), required: true }, { hint: '空欄なら記録した時刻' })),
      radios('mode', '通話の方法', kModes, 'video'),
      audioHint,
      checkbox('video_and_audio_confirmed', '映像と音声が双方向に送受信できることを確認した'),
      h('fieldset', { class: 'field-group' }, h('legend', {}, '本人確認'), checkbox('first_session', 'この患者の初回のオンライン服薬指導', { checked: true }), identityBox),
      h(
        'fieldset',
        { class: 'field-group' },
        h('legend', {}, '環境と同意'),
        checkbox('private_space_confirmed', '双方がプライバシーの保たれる場所にいることを確認した'),
        checkbox('security_risk_agreed', '情報セキュリティ上のリスクを説明し、患者の同意を得た'),
        checkbox('others_present', '患者以外の同席者がいた'),
        othersBox,
        checkbox('recorded', '録画・録音した'),
        recordingConsent,
      ),
      h(
        'fieldset',
        { class: 'field', 'data-field': 'explained_topics' },
        h('legend', {}, '説明した内容'),
        h('div', { class: 'choices' }, kTopics.map(([v, l]) => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'explained_topics', value: v }), ` ${l}`))),
        h('p', { class: 'field-error', hidden: true, id: 'rec-explained_topics-error' }),
      ),
      radios('outcome', '結果', kOutcomes, 'completed'),
      stopBox,
      h(
        'fieldset',
        { class: 'field-group' },
        h('legend', {}, '算定の確認'),
        checkbox('notebook_presented', 'お薬手帳の提示があった'),
        field('前回の来局日（3か月以内の再来の確認・任意）', { name: 'previous_visit_date', type: 'date' }),
        checkbox('home_patient', '在宅患者（在宅患者オンライン薬剤管理指導）'),
        checkbox('home_visit_same_day', '同じ日に訪問薬剤管理指導を行った'),
      ),
      findings,
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-action': 'record' }, '指導記録を保存')),
    );
    const f = form.elements;
    const sync = () => {
      othersBox.hidden = !f.others_present.checked;
      identityBox.hidden = !f.first_session.checked;
      f.identity_document_other.closest('.field').hidden = f.identity_document.value !== 'other';
      recordingConsent.hidden = !f.recorded.checked;
      const audioOnly = form.querySelector('input[name="mode"]:checked')?.value === 'audio_only';
      const outcome = form.querySelector('input[name="outcome"]:checked')?.value;
      audioHint.hidden = !(audioOnly && outcome === 'completed');
      f.video_and_audio_confirmed.closest('.field').hidden = audioOnly;
    };
    sync();
    form.addEventListener('change', (event) => {
      // A refusal shown on the mode or outcome no longer applies once either is changed.
      if (['mode', 'outcome'].includes(event.target.name)) {
        for (const name of ['mode', 'outcome']) {
          const wrapper = form.querySelector(`.field[data-field="${name}"]`);
          wrapper.querySelector('.field-error').hidden = true;
          for (const r of wrapper.querySelectorAll('[aria-invalid]')) r.removeAttribute('aria-invalid');
        }
      }
      sync();
    });
    f.identity_document.value = 'my_number_card';
    sync();

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      findings.replaceChildren();
      const started = isoFromTokyoInput(f.started_at.value);
      if (!started) return showError(form, '開始時刻を入力してください', 'started_at');
      const mode = form.querySelector('input[name="mode"]:checked')?.value || 'video';
      const body = {
        started_at: started,
        mode,
        video_and_audio_confirmed: mode === 'video' && f.video_and_audio_confirmed.checked,
        first_session: f.first_session.checked,
        identity_document: f.first_session.checked ? f.identity_document.value : 'none',
        identity_document_other: f.identity_document_other.value.trim(),
        pharmacist_identity_shown: f.pharmacist_identity_shown.checked,
        others_present: f.others_present.checked,
        others_description: f.others_present.checked ? f.others_description.value.trim() : '',
        others_consent: f.others_present.checked && f.others_consent.checked,
        security_risk_agreed: f.security_risk_agreed.checked,
        private_space_confirmed: f.private_space_confirmed.checked,
        recorded: f.recorded.checked,
        recording_consent: f.recorded.checked && f.recording_consent.checked,
        explained_topics: [...form.querySelectorAll('input[name="explained_topics"]:checked')].map((c) => c.value),
        outcome: form.querySelector('input[name="outcome"]:checked')?.value || 'completed',
        stop_reason: f.stop_reason.value.trim(),
        notebook_presented: f.notebook_presented.checked,
        home_patient: f.home_patient.checked,
        home_visit_same_day: f.home_visit_same_day.checked,
      };
      const ended = isoFromTokyoInput(f.ended_at.value);
      if (ended) body.ended_at = ended;
      if (f.previous_visit_date.value) body.previous_visit_date = f.previous_visit_date.value;
      const done = busy(form);
      try {
        const record = await post(`/api/v1/guidance/appointments/${id}/record`, body);
        if (!ctx.alive()) return;
        appt = { ...appt, status: 'completed', recorded: true };
        const warnings = (record.findings || []).filter((x) => x.severity === 'warning');
        body_(record, warnings);
      } catch (e) {
        if (!ctx.alive()) return;
        done();
        // The first error goes next to its field; the whole list stays above the button.
        const name = (e.field || '').split('.')[0];
        const list = e.details?.findings || [];
        showError(form, e.message, name && form.querySelector(`.field[data-field="${CSS.escape(name)}"]`) ? name : null);
        if (e.code === 'audio_only_not_online_guidance')
          findings.append(
            h(
              'div',
              { class: 'notice notice-warning', role: 'alert', 'data-error-code': e.code },
              h('p', {}, e.message),
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-secondary',
                  'data-action': 'switch-face-to-face',
                  onclick: () => {
                    form.querySelector('input[name="outcome"][value="switched_to_face_to_face"]').checked = true;
                    sync();
                    f.stop_reason.focus();
                  },
                },
                '「対面に切り替えた」として記録する',
              ),
            ),
          );
        if (list.length) findings.append(h('ul', { class: 'findings' }, list.map((x) => h('li', { class: `finding finding-${x.severity}`, 'data-code': x.code }, x.message))));
      }
    });
    return section('record-heading', '指導記録（オンライン服薬指導）', form);
  }

  // After a stored record: the fee and its reason, and what the server still warns about.
  function body_(record, warnings) {
    announce(`指導記録を保存しました。${record.fee ? `${record.fee.points} 点` : ''}`);
    body.replaceChildren(
      factsSection(appt.pharmacist.login === ctx.user.login),
      section(
        'record-heading',
        '指導記録',
        h('div', { class: 'notice notice-success', role: 'status', 'data-recorded': 'true' }, '指導記録を保存しました。', record.lifecycle_moved ? ' 処方箋を「服薬指導済」にしました。' : ''),
        recordView(record),
        warnings.length ? h('ul', { class: 'findings' }, warnings.map((x) => h('li', { class: 'finding finding-warning', 'data-code': x.code }, x.message))) : null,
        h('p', {}, h('a', { href: `/dispatch/prescriptions/${appt.prescription_id}`, 'data-link': true, class: 'button' }, 'この処方箋の配送を計画する')),
      ),
    );
    document.getElementById('record-heading')?.focus();
  }

  load();
  return null;
}
