// Every window of the app is one object registered once (panels/windows.cpp), ImHex-style: the main
// window's panels, the lesson column, the Image view's tab, the floating windows and the dialogs. Each says
// who it is (WindowInfo: its id, where it is drawn, its heading, its menu entry and the command that opens
// it), keeps its own state (members of its class, never function statics) and draws itself. The main window
// draws the slot panels, the column and the tab; the frame draws the floating windows and dialogs; the menus
// list the entries — all by walking the registry. Whether a window is up lives in the view (model/view.h),
// so opening one — by a menu, a key, a button or the model — is always open_window(view, id).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "model/app_state.h"
#include "model/playback.h"
#include "panels/actions_table.h"
#include "widgets/fonts.h"

namespace poolscope::app {

class CardBackdrop;
class CellSheets;
class UiProbe;
class WindowRegistry;
struct MeasuredHeights;

// What a window draws from and edits: the model (state with its view, playback), the fonts, the main
// window's measured rows, the registry (to reach another window), and the test probe it tells widget
// rectangles to. The shell above fills it in; a window never reaches the shell itself.
struct PanelContext {
    AppState& state;
    Playback& playback;
    const FontSet& fonts;
    MeasuredHeights& measured;                  // the main window's rows (panels/row_room.h)
    const std::filesystem::path& settings_dir;  // where quiz scores are kept; empty: nowhere
    UiProbe& probe;
    WindowRegistry& windows;
    CellSheets* sheets = nullptr;      // grids' cells as pictures (widgets/cell_sheet.h); none: as quads
    CardBackdrop* backdrop = nullptr;  // the main window's cards filled by the clear (shell/card_backdrop.h)
};

enum class Placement {
    kSidebar,      // the main window's left column, stacked
    kTop,          // above the matrices, full width
    kCenter,       // takes the remaining space
    kBottomLeft,   // below the matrices
    kBottomRight,  //
    kColumn,       // a column at the main window's far right (the lesson player), as wide as it asks
    kTab,          // a tab beside the matrices in the centre (the Image view), while open
    kWorkspace,    // in place of the sidebar and the matrices' rows while shown (the Network view)
    kFloating,     // its own window over the main one, while open
    kDialog,       // a modal popup, while open
};

enum class Menu { kNone, kFile, kView, kHelp };

struct WindowInfo {
    const char* id;                       // stable ImGui ID and its name in the view; never translated
    Placement placement;                  //
    const char* title_key = nullptr;      // tr() key of its heading or title
    const char* help_key = nullptr;       // tr() key of its "what am I looking at?" text (slot panels)
    Menu menu = Menu::kNone;              // where its menu entry goes
    const char* menu_key = nullptr;       // tr() key of the entry; null: the window draws its own items
    std::optional<Command> command = {};  // the binding that opens it: its keys show beside the entry
};

class Window {
  public:
    explicit Window(const WindowInfo& info) : info_(info) {}
    virtual ~Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    const WindowInfo& info() const { return info_; }
    // Draws it: a slot panel inside its slot, the column in its child window, the rest themselves (nothing
    // while closed; a dialog keeps its popup in step with the view).
    virtual void draw(PanelContext& ctx) = 0;
    // Its items in its menu. The default is one entry (menu_key, the command's keys) that opens a dialog, or
    // shows and hides a floating window or tab.
    virtual void draw_menu_items(PanelContext& ctx);
    virtual bool menu_enabled(const PanelContext&) const { return true; }
    // The width a column asks for this frame (0: not shown).
    virtual float width(const PanelContext&) const { return 0.0f; }

  private:
    WindowInfo info_;
};

// A slot panel that keeps no state of its own: its draw function (panels.h).
class PanelWindow final : public Window {
  public:
    PanelWindow(const WindowInfo& info, void (*draw_panel)(PanelContext&))
        : Window(info), draw_(draw_panel) {}
    void draw(PanelContext& ctx) override { draw_(ctx); }

  private:
    void (*draw_)(PanelContext&);
};

class WindowRegistry {
  public:
    template <typename W, typename... Args>
    W& add(Args&&... args) {
        windows_.push_back(std::make_unique<W>(std::forward<Args>(args)...));
        return static_cast<W&>(*windows_.back());
    }
    void add(std::unique_ptr<Window> window) { windows_.push_back(std::move(window)); }
    std::span<const std::unique_ptr<Window>> all() const { return windows_; }
    Window* find(std::string_view id) const;
    // The registered window of type W (found by W::kId); registering every window is register_windows()'s
    // job, so a missing one is a programming error.
    template <typename W>
    W& get() const {
        return static_cast<W&>(*find_or_die(W::kId));
    }

  private:
    Window* find_or_die(std::string_view id) const;
    std::vector<std::unique_ptr<Window>> windows_;
};

// The one list: every window, panel and dialog of the app, in drawing order (panels/windows.cpp).
void register_windows(WindowRegistry& registry);

// A dialog's modal popup, in step with the view: it pops up when the view has it open and goes when the view
// closes it. Between a true begin_dialog() and ImGui::EndPopup(), close_dialog() closes it for good.
bool begin_dialog(PanelContext& ctx, const char* id, const char* title, int flags = 0);
void close_dialog(PanelContext& ctx, const char* id);

}  // namespace poolscope::app
