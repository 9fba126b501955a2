/*
 * No engine comments.
 *
 * Tasklist's "Add Comment" writes into the engine's ACT_HI_COMMENT table: outside the case
 * record, its audit and its retention, and for a worker it fails ("No task found for task id").
 * The service refuses the command for everyone (integrity.CommandRules); this hides the link, so
 * no button fails. Notes about a case belong in the task's form, which stores them on the case.
 */
const style = document.createElement('style');
style.textContent = '.createCommentLink { display: none !important; }';
document.head.appendChild(style);

export default [];
