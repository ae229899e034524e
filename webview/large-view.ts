/**
 * The notice bar over a large architecture: says what is shown instead of one illegible
 * drawing (graph.ts's `planView` decides) and lets the user choose another view.
 */
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { Plan, ViewChoice } from './graph';

/** The notice bar over a large diagram. */
export class LargeViewNotice {
  private readonly summary = document.createElement('div');
  private readonly detail = document.createElement('div');
  private readonly select = document.createElement('vscode-single-select') as VscodeSingleSelect;
  private choicesKey = '';

  constructor(
    private readonly host: HTMLElement,
    onChoose: (choice: ViewChoice) => void,
  ) {
    this.summary.className = 'summary';
    this.detail.className = 'detail';
    this.select.setAttribute('aria-label', 'What to show');
    this.select.dataset['action'] = 'large-view';
    this.select.addEventListener('change', () => onChoose(this.select.value));
    const label = document.createElement('label');
    label.textContent = 'Show: ';
    label.append(this.select);
    host.append(this.summary, label, this.detail);
    host.hidden = true;
  }

  show(notice: NonNullable<Plan['notice']>): void {
    this.summary.textContent = notice.summary;
    this.detail.textContent = notice.detail;
    const key = JSON.stringify(notice.choices);
    if (key !== this.choicesKey) {
      this.choicesKey = key;
      this.select.replaceChildren(
        ...notice.choices.map(({ value, label }) => {
          const option = document.createElement('vscode-option');
          option.setAttribute('value', value);
          option.textContent = label;
          // The select reads new options when its slot changes (later); `selected` holds until then.
          option.toggleAttribute('selected', value === notice.selected);
          return option;
        }),
      );
    } else if (this.select.value !== notice.selected) this.select.value = notice.selected;
    this.host.hidden = false;
  }

  hide(): void {
    this.host.hidden = true;
  }
}
