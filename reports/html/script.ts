/**
 * The script of the HTML report (plain ES2017, no library): one stepper per
 * counterexample. It reads the embedded data (#ftcheck-data), and for the
 * current step shows the counter, the label with its block and paragraphs,
 * the milestone, a per-system state table and a table of the global fields
 * with the changed fields highlighted (their value before beside them), the
 * explanation on the last step, and highlights the step's message in the
 * sequence diagram. Buttons, the list of steps, and the keys ← → Home End
 * (on the focused stepper, else the last one used) move it.
 */
export const STEPPER_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ftcheck-data').textContent);
  var steppers = [];
  var lastUsed = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function cell(step, key) {
    var td = el('td');
    td.setAttribute('data-key', key);
    td.appendChild(el('span', 'now', step.fields[key]));
    if (Object.prototype.hasOwnProperty.call(step.changed, key)) {
      td.className = 'changed';
      td.title = 'changed at this step; was: ' + step.changed[key];
      td.appendChild(el('span', 'was', 'was ' + step.changed[key]));
    }
    return td;
  }

  function Stepper(root, cx) {
    var self = this;
    this.root = root;
    this.article = root.closest('article');
    this.cx = cx;
    this.k = 0;
    this.n = cx.steps.length - 1;
    this.messages = this.article.querySelectorAll('.svg .messageText');
    this.lines = this.article.querySelectorAll('.svg .messageLine0, .svg .messageLine1');
    function on(sel, f) {
      var b = root.querySelectorAll(sel);
      for (var i = 0; i < b.length; i++) b[i].addEventListener('click', f);
    }
    on('.first', function () { self.show(0); });
    on('.prev', function () { self.show(self.k - 1); });
    on('.next', function () { self.show(self.k + 1); });
    on('.last', function () { self.show(self.n); });
    on('.goto, .skip', function (e) { self.show(Number(e.currentTarget.getAttribute('data-step'))); });
    root.addEventListener('focusin', function () { lastUsed = self; });
    root.addEventListener('click', function () { lastUsed = self; });
    this.show(0);
  }

  Stepper.prototype.show = function (k) {
    var cx = this.cx;
    k = Math.max(0, Math.min(this.n, k));
    this.k = k;
    var s = cx.steps[k];
    var root = this.root;
    root.setAttribute('data-step', String(k));
    root.querySelector('.counter').textContent = 'Step ' + k + ' of ' + this.n;
    root.querySelector('.first').disabled = k === 0;
    root.querySelector('.prev').disabled = k === 0;
    root.querySelector('.next').disabled = k === this.n;
    root.querySelector('.last').disabled = k === this.n;
    root.querySelector('.step-label').textContent = s.label === null ? '0. initial state' : k + '. ' + s.label;
    root.querySelector('.step-cites').textContent = s.block ? '[' + s.block + '; ' + s.cites + ']' : '';
    var ms = root.querySelector('.milestone');
    ms.hidden = !s.milestone;
    ms.textContent = s.milestone ? 'Milestone: ' + s.milestone + ' (no failure so far)' : '';

    var sys = root.querySelector('table.systems');
    sys.textContent = '';
    var head = el('tr');
    head.appendChild(el('th', '', 'field'));
    cx.systems.forEach(function (id) { head.appendChild(el('th', '', '#' + id)); });
    var thead = el('thead');
    thead.appendChild(head);
    sys.appendChild(thead);
    var body = el('tbody');
    cx.systemFields.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('th', f.indexOf('ghost.') === 0 ? 'ghost' : '', f));
      cx.systems.forEach(function (id) { tr.appendChild(cell(s, '#' + id + '.' + f)); });
      body.appendChild(tr);
    });
    sys.appendChild(body);

    var glob = root.querySelector('table.globals');
    glob.textContent = '';
    var gh = el('thead');
    var ghr = el('tr');
    ghr.appendChild(el('th', '', 'model'));
    ghr.appendChild(el('th', '', 'value'));
    gh.appendChild(ghr);
    glob.appendChild(gh);
    var gb = el('tbody');
    cx.globalFields.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('th', f.indexOf('ghost.') === 0 ? 'ghost' : '', f));
      tr.appendChild(cell(s, f));
      gb.appendChild(tr);
    });
    glob.appendChild(gb);

    var ex = root.querySelector('.explanation');
    var lastStep = k === this.n;
    ex.hidden = !lastStep;
    var loop = cx.loopStart !== undefined ? ' The states from step ' + cx.loopStart + ' on repeat forever: after this step the system is back at step ' + cx.loopStart + '.' : '';
    ex.textContent = lastStep ? 'The ' + cx.ends + ' state: ' + cx.property + ' fails. ' + (cx.explanation ? 'Why: ' + cx.explanation + '.' : '') + loop : '';

    var items = root.querySelectorAll('.step-list li');
    for (var i = 0; i < items.length; i++) items[i].className = i === k ? 'current' : '';
    for (var m = 0; m < this.messages.length; m++) {
      var on = m === k - 1;
      this.messages[m].style.fill = on ? '#b00020' : '';
      this.messages[m].style.fontWeight = on ? 'bold' : '';
      this.messages[m].classList.toggle('current', on);
      if (this.lines[m]) {
        this.lines[m].style.stroke = on ? '#b00020' : '';
        this.lines[m].style.strokeWidth = on ? '3px' : '';
      }
    }
  };

  var roots = document.querySelectorAll('.stepper');
  for (var i = 0; i < roots.length; i++) steppers.push(new Stepper(roots[i], data.counterexamples[Number(roots[i].getAttribute('data-index'))]));

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    var host = t && t.closest ? t.closest('.stepper') : null;
    var st = null;
    for (var j = 0; j < steppers.length; j++) if (steppers[j].root === host) st = steppers[j];
    st = st || lastUsed || steppers[0];
    if (!st) return;
    var to = { ArrowRight: st.k + 1, ArrowLeft: st.k - 1, Home: 0, End: st.n }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    lastUsed = st;
    st.show(to);
  });
  window.ftcheckReport = { steppers: steppers };
})();
`;
