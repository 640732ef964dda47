// The page's side of PoolScope in the browser (issue 19), loaded before poolscope.js: it turns the URL's
// ?lesson= ?step= ?lang= ?presentation into the app's command-line options, fetches a lesson given by URL,
// writes uploaded files into the in-memory file system and opens them, offers saved lessons and exports as
// downloads, carries the app's clipboard to the browser's, and reports errors on the page (the headless-browser test reads window.poolscope).
"use strict";

const poolscopeStatus = document.getElementById("status");
const poolscope = { firstFrameMs: null, errors: [], started: false, stderr: [], pageNote: "" };
window.poolscope = poolscope;

function showStatus(text, isError) {
  poolscopeStatus.textContent = text;
  poolscopeStatus.className = isError ? "error" : "";
  poolscopeStatus.hidden = !text;
}

function reportError(text) {
  poolscope.errors.push(String(text));
  console.error(text);
  showStatus(String(text), true);
}
window.addEventListener("error", (e) => reportError(e.message || e));
window.addEventListener("unhandledrejection", (e) => reportError(e.reason || "unhandled rejection"));

// Where the page keeps what it writes into the in-memory file system.
const kUploads = "/uploads";
const kShippedLessons = "/poolscope/lessons";

function baseName(path) {
  const name = decodeURIComponent(path.split(/[?#]/)[0].split("/").pop() || "lesson.json");
  return name.replace(/[^\w.\-]+/g, "_");
}

// A shipped lesson by its name in the source tree (lessons/01-….json) opens the preloaded copy; anything
// else is fetched (same origin, or a host that allows it) and written under /uploads.
async function lessonPath(url) {
  const shipped = url.match(/^(?:\.\/)?lessons\/([^/]+\.json)$/);
  if (shipped && Module.FS.analyzePath(`${kShippedLessons}/${shipped[1]}`).exists)
    return `${kShippedLessons}/${shipped[1]}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch the lesson ${url}: HTTP ${response.status}`);
  const path = `${kUploads}/${baseName(url)}`;
  Module.FS.writeFile(path, new Uint8Array(await response.arrayBuffer()));
  return path;
}

// The URL's values go to the app as they are, with --from-url: one it cannot use (?step=0, ?step=1e99, a
// step past the lesson's end) becomes a note in the app's status line and the default is used, instead of
// stopping the app (model/app_options.cpp). A lesson that cannot be fetched is noted on the page and the app
// starts without it.
async function argumentsFromUrl() {
  const query = new URLSearchParams(window.location.search);
  const args = ["--from-url"];
  if (query.has("lesson")) {
    try {
      args.push("--lesson", await lessonPath(query.get("lesson")));
      if (query.has("step")) args.push("--lesson-step", query.get("step"));
    } catch (e) {
      poolscope.pageNote = String(e.message || e);
      console.warn(`PoolScope: ${poolscope.pageNote}`);
    }
  }
  const lang = query.get("lang");  // else the settings, else the browser's language (emscripten's $LANG)
  if (lang === "zh" || lang === "en") args.push("--lang", lang);
  if (query.has("presentation")) args.push("--presentation");
  return args;
}

const kFileTypes = { json: "application/json", gif: "image/gif", png: "image/png", svg: "image/svg+xml" };

function download(path) {
  const bytes = Module.FS.readFile(path);
  const type = kFileTypes[path.split(".").pop().toLowerCase()] || "application/octet-stream";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([bytes], { type }));
  link.download = baseName(path);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// The app's settings folder ($HOME/.config, model/paths.h) lives in the browser's IndexedDB, so the
// language, scale and the dismissed start card outlast the visit.
const kConfigDir = "/home/web_user/.config";  // emscripten's default $HOME

function keepSettings() {
  Module.FS.mkdirTree(kConfigDir);
  Module.FS.mount(Module.FS.filesystems.IDBFS, {}, kConfigDir);
  return new Promise((done) => Module.FS.syncfs(true, (error) => {
    if (error) console.warn(`PoolScope: settings could not be read from the browser's storage: ${error}`);
    done();
  }));
}

let settingsSync = null;
function storeSettings() {  // after the app wrote its settings; several writes in a row sync once
  if (settingsSync) return;
  settingsSync = setTimeout(() => Module.FS.syncfs(false, () => { settingsSync = null; }), 200);
}

// Files are saved to a temporary file, then renamed over the target (core/src/lesson_save.cpp, the settings
// too): a .json renamed outside the settings folder is a saved lesson, which the browser then downloads.
function watchSaves() {
  const rename = Module.FS.rename;  // the rename(2) behind the save goes through this object
  Module.FS.rename = function (from, to) {
    const result = rename.call(this, from, to);
    if (to.startsWith(`${kConfigDir}/`)) storeSettings();
    else if (to.endsWith(".json")) setTimeout(() => download(to), 0);
    return result;
  };
}

function openUpload(file) {
  file.arrayBuffer().then((buffer) => {
    const path = `${kUploads}/${baseName(file.name)}`;
    Module.FS.writeFile(path, new Uint8Array(buffer));
    Module.ccall("poolscope_open_file", null, ["string"], [path]);
    document.getElementById("canvas").focus();
  }, reportError);
}

var Module = {
  canvas: document.getElementById("canvas"),
  print: (text) => console.log(text),
  printErr: (text) => {  // the app's own messages (stderr); errors are thrown, not printed
    poolscope.stderr.push(String(text));
    console.warn(text);
  },
  preRun: [() => {
    const lang = new URLSearchParams(window.location.search).get("lang");
    if (lang === "zh") Module.ENV.LANG = "zh_CN.UTF-8";  // the first-start default follows it too
  }],
  onRuntimeInitialized: () => {
    Module.FS.mkdirTree(kUploads);
    watchSaves();
    Promise.all([argumentsFromUrl(), keepSettings()]).then(([args]) => {
      showStatus("Starting…");
      poolscope.started = true;
      poolscope.startedMs = performance.now();
      const code = Module.callMain(args);
      // main() returned instead of running its loop: it could not start; say why rather than "Starting…".
      if (typeof code === "number" && code !== 0 && poolscope.firstFrameMs === null)
        reportError(`PoolScope could not start: ${poolscope.stderr.slice(-3).join(" ") || `exit code ${code}`}`);
    }, reportError);
  },
  // The app wrote a file for the user (an export: platform/web/file_offer_web.cpp).
  poolscopeDownload: (path) => setTimeout(() => download(path), 0),
  // The app copied text (web/clipboard_web.cpp): the browser's clipboard gets it too, where the browser allows.
  poolscopeCopied: (text) => {
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(text).catch(
        (e) => console.warn(`PoolScope: copied inside the app only, the browser refused: ${e}`));
  },
  // File → Quit in a tab (web/window_web.cpp): the page cannot close it, so it says how.
  poolscopeQuitNote: () => showStatus(document.documentElement.lang === "zh"
    ? "在浏览器中：关闭此标签页即可退出 PoolScope。" : "In the browser: close this tab to leave PoolScope."),
  poolscopeFirstFrame: () => {
    poolscope.firstFrameMs = performance.now();
    showStatus(poolscope.pageNote, Boolean(poolscope.pageNote));  // a lesson the page could not fetch
    if (poolscope.pageNote) setTimeout(() => showStatus(""), 10000);
    document.getElementById("canvas").focus();
  },
  onAbort: (what) => reportError(`PoolScope stopped: ${what}`),
};

// The app's shortcuts that are the browser's too: F5 (presentation, not reload), F1 (help), Ctrl+O / Ctrl+S
// / Ctrl+Shift+S (the app's lesson dialogs), Ctrl + / - / 0 (the app's zoom). The app still sees the keys.
const kAppKeys = new Set(["F1", "F5"]);
const kAppCtrlKeys = new Set(["o", "s", "=", "+", "-", "0"]);
window.addEventListener("keydown", (e) => {
  if (kAppKeys.has(e.key) || ((e.ctrlKey || e.metaKey) && kAppCtrlKeys.has(e.key.toLowerCase()))) e.preventDefault();
}, true);

// Ctrl+V: the browser's clipboard can be read only inside its paste event, so the key stops here (not
// preventDefault: the paste event must follow); the event hands the text to the app's clipboard, then the app
// gets its Ctrl+V (web/clipboard_web.cpp).
let poolscopePasting = false;
window.addEventListener("keydown", (e) => {
  if (!poolscopePasting && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "v") e.stopImmediatePropagation();
}, true);
document.addEventListener("paste", (e) => {
  if (!poolscope.started) return;
  e.preventDefault();
  Module.ccall("poolscope_set_clipboard", null, ["string"], [e.clipboardData.getData("text/plain")]);
  poolscopePasting = true;
  for (const type of ["keydown", "keyup"]) {
    const key = new KeyboardEvent(type, { key: "v", code: "KeyV", ctrlKey: true, bubbles: true });
    Object.defineProperty(key, "keyCode", { value: 86 });  // what emscripten's GLFW reads
    window.dispatchEvent(key);
  }
  poolscopePasting = false;
});

// The page's own bar in the app's starting language (the app itself switches with its Language menu).
function pageLanguage() {
  const lang = new URLSearchParams(window.location.search).get("lang");
  return lang || ((navigator.language || "").toLowerCase().startsWith("zh") ? "zh" : "en");
}
if (pageLanguage() === "zh") {
  document.documentElement.lang = "zh";
  document.getElementById("open-button").textContent = "打开课程或图片…";
  document.getElementById("fullscreen").textContent = "全屏";
  document.getElementById("note").textContent =
    "浏览器版：课程文件改动后请重新打开；图片在 CPU 上池化；保存和导出会下载文件。";
  document.getElementById("note").title =
    "不会监视课程文件的改动：编辑后请重新打开。图片在 CPU 上池化（数值相同）。文件 → 保存和文件 → 导出会下载文件。";
  showStatus("正在加载 PoolScope…");
}

document.getElementById("open-button").addEventListener("click", () => document.getElementById("open").click());
document.getElementById("open").addEventListener("change", (e) => {
  if (e.target.files.length) openUpload(e.target.files[0]);
  e.target.value = "";
});
document.getElementById("fullscreen").addEventListener("click", () => {
  document.documentElement.requestFullscreen().catch(reportError);
});
