// The page's side of PoolScope in the browser (issue 19), loaded before poolscope.js: it hands the page's
// address to the app (--link: the app reads ?lesson= #params= #input= #step= #view= #lang= #presentation,
// model/state_link.h) with the address Edit → Copy link writes (--web-base), fetches a same-site lesson the
// link names, writes uploaded files into the in-memory file system and opens them, offers saved lessons and
// exports as downloads, carries the app's clipboard to the browser's, keeps the page working offline
// (sw.js), and reports errors on the page (the headless-browser test reads window.poolscope).
// A notebook's single-file page (python/poolscope) sets window.poolscopeEmbedded = {link, base} first.
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
  linkManifest();
}

// The web app manifest (index.html's #manifest-link), linked once the app is up or could not start.
function linkManifest() {
  const link = document.getElementById("manifest-link");
  if (link) {
    link.remove();
    document.head.appendChild(link.content);
  }
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

// A lesson on this site, fetched and written under /uploads.
async function lessonPath(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const path = `${kUploads}/${baseName(url)}`;
  Module.FS.writeFile(path, new Uint8Array(await response.arrayBuffer()));
  return path;
}

// The address whose values start the app: the page's own, or the link a notebook's page was written with.
const poolscopeEmbedded = window.poolscopeEmbedded || null;
function pageLink() {
  return poolscopeEmbedded ? poolscopeEmbedded.link : window.location.href;
}

// One value of the link as the app reads it (model/state_link.cpp): the #fragment's over the ?query's.
function linkValue(key) {
  const link = pageLink();
  const hash = link.indexOf("#");
  const beforeHash = hash < 0 ? link : link.slice(0, hash);
  const question = beforeHash.indexOf("?");
  const fragment = new URLSearchParams(hash < 0 ? "" : link.slice(hash + 1));
  const query = new URLSearchParams(question < 0 ? "" : beforeHash.slice(question + 1));
  return fragment.has(key) ? fragment.get(key) : query.get(key);
}

// The app reads the link itself (--link) and opens a shipped lesson (lessons/NAME.json) from the preloaded
// data; the page fetches only a lesson on this same site (--link-lesson), or says why it could not
// (--link-lesson-failed). A lesson on another site is not fetched: the app notes it and starts without it.
async function argumentsFromUrl() {
  const args = ["--link", pageLink()];
  const base = poolscopeEmbedded ? poolscopeEmbedded.base
    : /^https?:$/.test(window.location.protocol) ? window.location.origin + window.location.pathname : "";
  if (base) args.push("--web-base", base);
  const lesson = linkValue("lesson");
  const shipped = lesson && lesson.match(/^(?:\.\/)?lessons\/([^/]+\.json)$/);
  if (lesson === null || (shipped && Module.FS.analyzePath(`${kShippedLessons}/${shipped[1]}`).exists))
    return args;
  let url = null;
  try {
    url = new URL(lesson, window.location.href);
  } catch (e) {
    return args;
  }
  if (url.origin !== window.location.origin) return args;
  try {
    args.push("--link-lesson", await lessonPath(url.href));
  } catch (e) {
    args.push("--link-lesson-failed", String(e.message || e));
  }
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

// The build's version (scripts/web_page.py writes it into index.html): the files the app loads carry it, so
// a cached copy never mixes two builds.
const poolscopeVersion = document.documentElement.dataset.version || "";

var Module = {
  canvas: document.getElementById("canvas"),
  locateFile: (path, prefix) => prefix + path + (poolscopeVersion ? `?v=${poolscopeVersion}` : ""),
  print: (text) => console.log(text),
  printErr: (text) => {  // the app's own messages (stderr); errors are thrown, not printed
    poolscope.stderr.push(String(text));
    console.warn(text);
  },
  // No WebGL context is made ahead of the app's own (asked for once its first frame is laid out). Made here,
  // while the files download, it was measured to cost, not save (bench/README.md, "Issue 34 in the browser"):
  // a freshly started browser's first context waits for its GPU process to come up, whenever it is asked for,
  // and asking early only held the page's thread before main() could start.
  preRun: [() => {
    const lang = linkValue("lang");
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
      // main() returned instead of running its loop: it could not start (no WebGL 2 context for its first
      // frame, a bad link); say why rather than "Starting…".
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
    linkManifest();
    offerOffline();
  },
  onAbort: (what) => reportError(`PoolScope stopped: ${what}`),
};

// The app's shortcuts that are the browser's too — F5 (presentation, not reload), F1 (help), Ctrl+O / Ctrl+S
// / Ctrl+Shift+S (the app's lesson dialogs), Ctrl + / - / 0 (the app's zoom) — are kAppKeys and kAppCtrlKeys,
// generated from the app's bindings table into poolscope_keys.js (scripts/gen_page_keys.py). The app still
// sees the keys.
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
  const lang = linkValue("lang");
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

// Another link pasted into the address bar changes only the #fragment, which reloads no page: start again
// with its values.
window.addEventListener("hashchange", () => window.location.reload());

// Offline and installable: the service worker keeps this build's files (sw.js, written by the build with
// the manifest); a new build is fetched on the next visit. Not in a notebook's single-file page. Registered
// once the page has loaded and the app has drawn its first frame (poolscopeFirstFrame): its install fetches
// and stores every file of the build again, and during the start-up it took the cores the browser's GPU
// process needed for its first picture, which the app's first frame waits for (bench/README.md).
function offerOffline() {
  if (poolscopeEmbedded || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  const register = () => navigator.serviceWorker.register("sw.js").then(
    (registration) => { poolscope.serviceWorker = registration; },
    (e) => console.warn(`PoolScope: no offline copy (${e})`));
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
}
