// Live detections: polls /console/api/detections for rows newer than the newest shown and puts them at the top of
// #detections. Rows are built with textContent, never parsed as markup: every value in them (user agents, paths, reasons,
// evidence) is attacker-chosen. Without this script the page still works; it just does not refresh by itself.
(function () {
  'use strict';
  var table = document.getElementById('detections');
  if (!table || !window.fetch) { return; }
  var body = table.tBodies[0];
  var status = document.getElementById('live-status');
  var after = Number(table.dataset.after || '0') || Date.now() - 60000;
  var paused = false;
  var maxRows = 500;

  var toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.id = 'live-toggle';
  toggle.textContent = 'Pause live updates';
  toggle.setAttribute('aria-pressed', 'false');
  toggle.addEventListener('click', function () {
    paused = !paused;
    toggle.textContent = paused ? 'Resume live updates' : 'Pause live updates';
    toggle.setAttribute('aria-pressed', paused ? 'true' : 'false');
  });
  if (status && status.parentNode) { status.parentNode.insertBefore(toggle, status); }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text == null ? '—' : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function hidden(form, name, value) {
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function rowFor(item) {
    var tr = document.createElement('tr');
    tr.dataset.scope = item.scope || '';
    tr.dataset.value = item.value || '';
    cell(tr, item.time);
    cell(tr, item.rule);
    cell(tr, (item.scope || '') + ' ' + (item.value || ''));
    cell(tr, item.action);
    cell(tr, item.reason, 'wrap');
    cell(tr, item.evidence, 'wrap evidence');
    cell(tr, item.decision, 'wrap');
    var actions = cell(tr, '');
    if (item.scope === 'ip') {
      var form = document.createElement('form');
      form.method = 'get';
      form.action = '/console/decisions#add-decision';
      hidden(form, 'list', 'decisions');
      hidden(form, 'scope', 'ip');
      hidden(form, 'value', item.value || '');
      hidden(form, 'action', 'block');
      hidden(form, 'reason', 'console: after ' + (item.rule || 'a detection'));
      var button = document.createElement('button');
      button.type = 'submit';
      button.className = 'block-address';
      button.textContent = 'Block';
      form.appendChild(button);
      actions.appendChild(form);
    }
    return tr;
  }

  function poll() {
    if (paused || document.hidden) { return; }
    var url = '/console/api/detections?after=' + encodeURIComponent(String(after));
    if (table.dataset.rule) { url += '&rule=' + encodeURIComponent(table.dataset.rule); }
    if (table.dataset.q) { url += '&q=' + encodeURIComponent(table.dataset.q); }
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status === 401) { paused = true; if (status) { status.textContent = 'Signed out: reload to sign in again.'; } return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data || !data.items) { return; }
        var items = data.items.slice().reverse(); // oldest first, so the newest ends on top
        items.forEach(function (item) { body.insertBefore(rowFor(item), body.firstChild); });
        while (body.rows.length > maxRows) { body.deleteRow(body.rows.length - 1); }
        if (typeof data.newest === 'number' && data.newest > after) { after = data.newest; }
        if (items.length > 0 && status) { status.textContent = items.length + ' new detection(s).'; }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  window.setInterval(poll, 5000);
}());
