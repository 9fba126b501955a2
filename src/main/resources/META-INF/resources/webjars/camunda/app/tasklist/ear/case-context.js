/*
 * The case in context.
 *
 * Every task form of a case has the case reference as its read-only "Case" field. Above the
 * form this shows the case's summary from the case service (/cases/{caseRef}/summary, same
 * origin, same login): who the case is about, what the police or the hospital reported, the
 * activities, and a link to the whole case page. Nothing of it goes into the process: the
 * summary is read from the case record each time the form opens, and the read is audited.
 */
const CASE_REF = /^EAR-\d{4}-\d{6}$/;

function caseRefOf(container) {
  for (const label of container.querySelectorAll('label')) {
    if (label.textContent.trim() !== 'Case') continue;
    const input = label.htmlFor && document.getElementById(label.htmlFor);
    if (input && CASE_REF.test(input.value || '')) return input.value;
  }
  return null;
}

function showCase(container) {
  const caseRef = caseRefOf(container);
  if (!caseRef) return;
  const previous = container.previousElementSibling;
  if (previous && previous.classList.contains('ear-case-context')) {
    if (previous.dataset.caseRef === caseRef) return;
    previous.remove();
  }
  const context = document.createElement('div');
  context.className = 'ear-case-context';
  context.dataset.caseRef = caseRef;
  const frame = document.createElement('iframe');
  frame.src = '/cases/' + encodeURIComponent(caseRef) + '/summary';
  frame.title = 'Case ' + caseRef;
  frame.style.cssText = 'width:100%;height:340px;border:1px solid #d8d8d8;border-radius:3px;margin-bottom:12px;';
  context.appendChild(frame);
  container.parentNode.insertBefore(context, container);
}

function showCases() {
  document.querySelectorAll('.fjs-container').forEach(showCase);
}

// a form is rendered, then its values arrive: look when the page changes, and once a second
new MutationObserver(showCases).observe(document.body, { childList: true, subtree: true });
setInterval(showCases, 1000);

export default [];
