/*
 * No form drafts in the browser.
 *
 * Tasklist's "Save" (and its reaction to an expired session) keeps what a worker typed into a
 * task form in this browser's localStorage, in plain text, under "camunda-form:<task id>"
 * (Camunda Forms) or "camForm:<id>" (embedded forms). On shared office and out-of-hours machines
 * that would leave notes about children and vulnerable adults behind. So:
 *   - drafts are never written: localStorage refuses those keys;
 *   - drafts an older Tasklist left behind are removed when Tasklist loads and when a page is left;
 *   - the Save button is hidden, since it would keep nothing.
 * A worker who leaves a task before completing it types it again; what was completed is in the
 * case record.
 */
// Camunda 7 and Operaton (its fork) name the drafts after themselves
const DRAFT = /^(camunda-form:|operaton-form:|camForm:)/;

function removeDrafts() {
  for (let i = window.localStorage.length - 1; i >= 0; i--) {
    const key = window.localStorage.key(i);
    if (key && DRAFT.test(key)) {
      window.localStorage.removeItem(key);
    }
  }
}

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (this === window.localStorage && DRAFT.test(String(key))) {
    return;
  }
  return setItem.call(this, key, value);
};

removeDrafts();
window.addEventListener('pagehide', removeDrafts);

const style = document.createElement('style');
style.textContent = '.form-actions button[ng-click^="save"] { display: none !important; }';
document.head.appendChild(style);

export default [];
