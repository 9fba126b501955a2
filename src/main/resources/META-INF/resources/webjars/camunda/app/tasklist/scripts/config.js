/*
 * Tasklist's configuration for the EAR case service (replaces the webjar's own config.js; the
 * keyboard shortcuts are Camunda's defaults).
 */
export default {
  // Drafts stay out of the browser, comments out of the engine: see ear/*.js and
  // docs/data-protection.md
  customScripts: ['ear/no-drafts', 'ear/no-comments', 'ear/case-context'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
