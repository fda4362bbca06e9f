// The article body editor: a Tiptap editor in place of textarea[data-rich-editor]. The
// textarea stays in the form, hidden, and receives the editor's HTML on every change, so
// the form submits as it does without JavaScript.

import { Editor, Extension } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { cleanPastedHtml } from "./cleanPaste.ts";
import { type BodyPictures, startBodyPictures } from "./bodyPictures.ts";
import { Figure } from "./figure.ts";
import { isAllowedHref, isAllowedImageSrc, normalizeHref } from "./links.ts";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);

interface Tool {
  label: string;
  /** Tiptap's key binding, `Mod` being Ctrl or ⌘. */
  keys?: string;
  /** For toggles: whether the selection already has it (aria-pressed). */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  /** Starts a new group of buttons. */
  group?: boolean;
}

function editLink(editor: Editor): void {
  const current: unknown = editor.getAttributes("link").href;
  const answer = window.prompt("Bağlantı adresi (boş bırakırsanız bağlantı kaldırılır):", typeof current === "string" ? current : "");
  if (answer === null) return;
  if (answer.trim() === "") {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  const href = normalizeHref(answer);
  if (!href) {
    window.alert("Bu adres kullanılamaz. http://, https:// ya da mailto: ile veya / ile başlayan bir adres yazın.");
    editor.commands.focus();
    return;
  }
  if (editor.state.selection.empty && !editor.isActive("link")) {
    // Nothing selected: the address itself becomes the linked text.
    const text = answer.trim();
    editor
      .chain()
      .focus()
      .insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] })
      .unsetMark("link")
      .run();
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
}

/** The toolbar's buttons; "Görsel" is given the body's picture flow (bodyPictures.ts) when the editor starts. */
function toolsWith(pictures: { run: () => void }): Tool[] {
  return [
    { label: "Ara başlık", keys: "Mod-Alt-2", active: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: "Alt başlık", keys: "Mod-Alt-3", active: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { label: "Kalın", keys: "Mod-B", group: true, active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
    { label: "İtalik", keys: "Mod-I", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
    { label: "Bağlantı", keys: "Mod-K", active: (e) => e.isActive("link"), run: editLink },
    { label: "Madde listesi", keys: "Mod-Shift-8", group: true, active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: "Numaralı liste", keys: "Mod-Shift-7", active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
    { label: "Alıntı", keys: "Mod-Shift-B", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: "Görsel", group: true, active: (e) => e.isActive("figure"), run: () => pictures.run() },
    { label: "Geri al", keys: "Mod-Z", group: true, enabled: (e) => e.can().undo(), run: (e) => e.chain().focus().undo().run() },
    { label: "Yinele", keys: "Mod-Shift-Z", enabled: (e) => e.can().redo(), run: (e) => e.chain().focus().redo().run() },
  ];
}

function shortcutTitle(keys: string): string {
  return keys
    .replace("Mod", isMac ? "⌘" : "Ctrl")
    .replace("Alt", isMac ? "⌥" : "Alt")
    .replace(/-/g, "+");
}

function ariaShortcut(keys: string): string {
  return keys.replace("Mod", isMac ? "Meta" : "Control").replace(/-/g, "+");
}

/** A WAI-ARIA toolbar: one Tab stop, arrow keys between buttons. */
function buildToolbar(editor: Editor, controls: string, TOOLS: Tool[]): { element: HTMLElement; refresh: () => void } {
  const toolbar = document.createElement("div");
  toolbar.className = "rich-editor-toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Metin biçimlendirme");
  toolbar.setAttribute("aria-controls", controls);

  const buttons = TOOLS.map((tool, i) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rich-editor-button";
    if (tool.group && i > 0) button.classList.add("rich-editor-group");
    button.textContent = tool.label;
    button.setAttribute("aria-label", tool.label);
    button.tabIndex = i === 0 ? 0 : -1;
    if (tool.keys) {
      button.title = `${tool.label} (${shortcutTitle(tool.keys)})`;
      button.setAttribute("aria-keyshortcuts", ariaShortcut(tool.keys));
    }
    if (tool.active) button.setAttribute("aria-pressed", "false");
    // Keep the editor's selection: the button must not take the focus on mouse down.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      rove(i);
      if (button.getAttribute("aria-disabled") !== "true") tool.run(editor);
    });
    toolbar.append(button);
    return button;
  });

  function rove(index: number, focus = false): void {
    for (const [i, button] of buttons.entries()) button.tabIndex = i === index ? 0 : -1;
    if (focus) buttons[index]?.focus();
  }

  toolbar.addEventListener("keydown", (event) => {
    const current = buttons.findIndex((button) => button === document.activeElement);
    if (current < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === "ArrowRight"
        ? current === last
          ? 0
          : current + 1
        : event.key === "ArrowLeft"
          ? current === 0
            ? last
            : current - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    rove(next, true);
  });

  const refresh = () => {
    for (const [i, tool] of TOOLS.entries()) {
      const button = buttons[i];
      if (!button) continue;
      if (tool.active) button.setAttribute("aria-pressed", String(tool.active(editor)));
      // aria-disabled rather than disabled: the button stays reachable in the toolbar.
      if (tool.enabled) button.setAttribute("aria-disabled", String(!tool.enabled(editor)));
    }
  };
  return { element: toolbar, refresh };
}

/** Mod-K opens the link prompt, as in most editors. */
const LinkShortcut = Extension.create({
  name: "haberciLinkShortcut",
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        editLink(this.editor);
        return true;
      },
    };
  },
});

/** Images only from the web or the site itself, also in the HTML the editor starts with. */
const SiteImage = Image.extend({
  parseHTML() {
    return [{ tag: "img[src]", getAttrs: (dom) => (isAllowedImageSrc(dom.getAttribute("src") ?? "") ? null : false) }];
  },
});

export function startRichEditor(textarea: HTMLTextAreaElement, onChange: () => void): Editor {
  const editorId = `${textarea.id || "metin"}-editor`;
  const wrapper = document.createElement("div");
  wrapper.className = "rich-editor";
  const area = document.createElement("div");
  area.className = "rich-editor-area";
  const error = document.createElement("p");
  error.className = "rich-editor-error";
  error.setAttribute("role", "alert");
  error.hidden = true;

  const attributes: Record<string, string> = {
    id: editorId,
    class: "rich-editor-content",
    role: "textbox",
    "aria-multiline": "true",
    "aria-label": "Haber metni",
  };
  const describedBy = textarea.getAttribute("aria-describedby");
  if (describedBy) attributes["aria-describedby"] = describedBy;
  // Set once the editor exists; a drop or paste before that is left to the browser.
  let pictures: BodyPictures | null = null;

  // A read-only view (issue 13): the textarea sits in a disabled fieldset, which `disabled` on the
  // textarea itself does not show; `:disabled` does. Then no toolbar, and no contenteditable.
  const editable = !textarea.readOnly && !textarea.matches(":disabled");
  if (!editable) attributes["aria-readonly"] = "true";

  const editor = new Editor({
    element: area,
    editable,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        link: false, // configured below
      }),
      Link.configure({
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: "https",
        HTMLAttributes: { target: null, rel: null }, // the server adds them to outside links
        isAllowedUri: (url) => isAllowedHref(url),
      }),
      SiteImage.configure({ inline: true, allowBase64: false }),
      Figure,
      LinkShortcut,
    ],
    editorProps: {
      attributes,
      transformPastedHTML: (html) => cleanPastedHtml(html),
      // A picture file dropped or pasted into the text is uploaded and goes in as a figure (bodyPictures.ts).
      handleDrop: (view, event, _slice, moved) => {
        if (moved || !pictures || !(event instanceof DragEvent)) return false;
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
        if (!pictures.offerFiles(event.dataTransfer?.files, at)) return false;
        event.preventDefault();
        return true;
      },
      handlePaste: (view, event) => {
        if (!pictures || !pictures.offerFiles(event.clipboardData?.files, view.state.selection.from)) return false;
        event.preventDefault();
        return true;
      },
    },
  });

  const form = textarea.form;
  const pickerLink = form?.querySelector<HTMLAnchorElement>("a[data-open-picker]");
  const csrfToken = () => form?.querySelector<HTMLInputElement>("input[name='_csrf']")?.value ?? "";
  const bodyPictures = startBodyPictures(editor, pickerLink?.href ?? "/yonetim/medya/sec", csrfToken);
  pictures = bodyPictures;
  const toolbar = buildToolbar(editor, editorId, toolsWith(bodyPictures));
  if (editable) wrapper.append(toolbar.element, area, error, bodyPictures.element);
  else {
    // Read-only: no toolbar and no picture form; the text cannot be typed into.
    wrapper.classList.add("rich-editor-readonly");
    wrapper.append(area, error);
  }
  textarea.after(wrapper);
  textarea.hidden = true;
  toolbar.refresh();

  editor.on("transaction", toolbar.refresh);
  editor.on("update", () => {
    // The empty paragraph Tiptap keeps after a final heading or list is not content.
    textarea.value = editor.isEmpty ? "" : editor.getHTML().replace(/(?:<p><\/p>)+$/, "");
    error.hidden = true;
    onChange();
  });

  // The label of the hidden textarea now leads to the editor.
  const label = textarea.id ? document.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  label?.addEventListener("click", (event) => {
    event.preventDefault();
    editor.commands.focus();
  });

  // A hidden required field would block the submit without a word: check it here instead.
  if (textarea.required && form) {
    textarea.required = false;
    form.addEventListener("submit", (event) => {
      if (!editor.isEmpty) return;
      event.preventDefault();
      error.textContent = "Haber metni boş bırakılamaz.";
      error.hidden = false;
      editor.commands.focus();
    });
  }
  return editor;
}
