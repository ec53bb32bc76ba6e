// The window's run loop: GLFW + OpenGL + ImGui around the model. Sleeps in
// glfwWaitEventsTimeout when nothing changes, renders a few frames after each event,
// and in --screenshot mode renders until the picture is stable, saves it and exits.
#include "kit/ui/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>

#include "kit/ui/gl_window.hpp"
#include "kit/ui/look.hpp"
#include "kit/ui/presenter_screens.hpp"
#include "kit/ui/screens.hpp"
#include "kit/ui/screenshot.hpp"
#include "kit/ui/startup.hpp"
#include "kit/ui/window_options.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/paths.hpp"
#include "platform/stop_requests.hpp"
#include "platform/utf8_path.hpp"

namespace fk::ui {
namespace {

constexpr int kFramesAfterEvent = 3;      // hover and layout settle within a few frames
constexpr double kIdleWaitSeconds = 5;    // wake now and then even with no events
constexpr double kSyncPollSeconds = 0.1;  // sync progress redraws at most ten times a second
constexpr double kClockSeconds = 0.25;    // a running presenter clock redraws four times a second

bool g_event = true;
std::atomic<bool> g_sync_dirty{false};  // the sync engine changed since the loop last looked
std::atomic<bool> g_quit{false};        // Ctrl+C, SIGTERM: close as if the window was closed
std::string g_glfw_error;
std::vector<std::string> g_dropped;

void MarkEvent(GLFWwindow*) {
    g_event = true;
}
void InstallEventCallbacks(GLFWwindow* w) {
    // Installed before ImGui's backend, which chains to them.
    glfwSetKeyCallback(w, [](GLFWwindow* x, int, int, int, int) { MarkEvent(x); });
    glfwSetCharCallback(w, [](GLFWwindow* x, unsigned) { MarkEvent(x); });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* x, int, int, int) { MarkEvent(x); });
    glfwSetScrollCallback(w, [](GLFWwindow* x, double, double) { MarkEvent(x); });
    glfwSetCursorPosCallback(w, [](GLFWwindow* x, double, double) { MarkEvent(x); });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* x, int) { MarkEvent(x); });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* x, int) { MarkEvent(x); });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* x, int, int) { MarkEvent(x); });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* x) { MarkEvent(x); });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow* x, float, float) { MarkEvent(x); });
    glfwSetDropCallback(w, [](GLFWwindow* x, int n, const char** paths) {
        for (int i = 0; i < n; ++i) g_dropped.emplace_back(paths[i]);
        MarkEvent(x);
    });
}

long long MonotonicNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Cheap fingerprint of a frame's geometry, to know when a screenshot is stable.
std::uint64_t DrawDataHash() {
    std::uint64_t h = 1469598103934665603ull;
    ImDrawData* d = ImGui::GetDrawData();
    if (!d) return 0;
    for (int i = 0; i < d->CmdListsCount; ++i) {
        const ImDrawList* l = d->CmdLists[i];
        h = (h ^ static_cast<std::uint64_t>(l->VtxBuffer.Size)) * 1099511628211ull;
        for (int v = 0; v < l->VtxBuffer.Size; v += 7) {
            const ImDrawVert& vert = l->VtxBuffer[v];
            h = (h ^ static_cast<std::uint64_t>(vert.pos.x * 4 + vert.pos.y * 4096 + vert.col)) * 1099511628211ull;
        }
    }
    return h;
}

std::int64_t UnixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Called on the sync engine's thread: one empty event until the loop has looked (a download
// reports many times a second; the loop reads at most ten times a second).
void WakeForSync() {
    if (!g_sync_dirty.exchange(true)) glfwPostEmptyEvent();
}

struct SavedSize {
    int w = 1280, h = 800;
};

SavedSize LoadWindowSize(const std::filesystem::path& file) {
    SavedSize s;
    std::ifstream in(file);
    int w = 0, h = 0;
    if (in >> w >> h && w >= 320 && h >= 240 && w <= 16384 && h <= 16384) s = {w, h};
    return s;
}

void ClampToWorkArea(GLFWwindow* w) {
    GLFWmonitor* m = glfwGetPrimaryMonitor();
    if (!m) return;
    int x, y, mw, mh, ww, wh;
    glfwGetMonitorWorkarea(m, &x, &y, &mw, &mh);
    glfwGetWindowSize(w, &ww, &wh);
    if (mw > 0 && mh > 0 && (ww > mw || wh > mh)) glfwSetWindowSize(w, std::min(ww, mw), std::min(wh, mh));
}

}  // namespace

int RunWindow(const std::filesystem::path& data_dir, const core::BuiltIn& built_in,
              const std::vector<std::string>& args) {
    WindowOptions opt;
    if (auto err = ParseWindowOptions(args, opt)) {
        std::fprintf(stderr, "fieldkit: %s\n", err->c_str());
        return 2;
    }
    const bool shot = !opt.screenshot.empty();
    const bool report_first_frame = std::getenv("FIELDKIT_REPORT_FIRST_FRAME") != nullptr;

    glfwSetErrorCallback([](int, const char* text) { g_glfw_error = text ? text : tr("unknown error"); });
    if (!glfwInit()) {
        // TRANSLATORS: {error} is the graphics library's reason (in English), or "no display".
        const std::string why = Format(tr("cannot open the window ({error}); the command line works without one: "
                                          "fieldkit --help"),
                                       {{"error", g_glfw_error.empty() ? tr("no display") : g_glfw_error.c_str()}});
        std::fprintf(stderr, "fieldkit: %s\n", why.c_str());
        return 1;
    }
    // The model and the font atlas are prepared on worker threads while the window opens.
    float scale = opt.scale;
    if (scale <= 0) {
        float sx = 1, sy = 1;
        if (GLFWmonitor* mon = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(mon, &sx, &sy);
        scale = std::clamp(sx, 1.0f, 4.0f);
    }
    auto model_job = std::async(std::launch::async, [&] { return Model::Open(data_dir, built_in); });
    auto fonts_job = std::async(std::launch::async, [&] { return PrepareFonts(data_dir, scale); });
    const std::filesystem::path config_dir = platform::DefaultConfigDir();
    const std::filesystem::path size_file = config_dir / "window-size";
    SavedSize size = shot ? SavedSize{} : LoadWindowSize(size_file);
    if (opt.width) size = {opt.width, opt.height};
    std::string gl_error;
    GlWindow gw = CreateGlWindow(size.w, size.h, "fieldkit", true, gl_error);
    auto model = model_job.get();
    PreparedFonts prepared = fonts_job.get();
    if (!gw.window || !model) {
        if (!gw.window)
            std::fprintf(stderr, "fieldkit: %s\n",
                         Format(tr("cannot open the window: {error}; the command line works without one: "
                                   "fieldkit --help"),
                                {{"error", gl_error}})
                             .c_str());
        else
            std::fprintf(stderr, "fieldkit: %s\n", model.error().detail.c_str());
        if (gw.window) glfwDestroyWindow(gw.window);
        glfwTerminate();
        return 1;
    }
    Model& m = **model;
    if (!shot) ClampToWorkArea(gw.window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext(prepared.atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    static std::string ini_path;
    if (shot) {
        io.IniFilename = nullptr;
    } else if (platform::MakeDirs(config_dir, "config directory")) {
        ini_path = platform::Utf8FromPath(config_dir / "imgui.ini");
        io.IniFilename = ini_path.c_str();
    } else {
        io.IniFilename = nullptr;  // never in the working directory
    }
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would redraw forever
    InstallEventCallbacks(gw.window);
    ImGui_ImplGlfw_InitForOpenGL(gw.window, true);
    RendererInit(gw);

    ViewState view;
    view.fonts = prepared.fonts;
    Look look{prepared.font_size, "", prepared.scale};  // fonts are ready; the theme is not
    ActionQueue actions;
    if (!opt.open_id.empty()) m.Apply({ActionType::kOpenArticle, opt.open_id});
    if (!opt.search.empty()) m.Apply({ActionType::kSetQuery, opt.search});
    if (opt.screen == "library") m.Apply({ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    if (opt.screen == "settings") m.Apply({ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    if (!opt.present.empty()) {
        m.Apply({ActionType::kPresent, opt.present});
        for (int i = 0; i < opt.page; ++i) m.Apply({ActionType::kPresentPage, {}, 1});
        for (int i = 0; i < opt.reveal; ++i) m.Apply({ActionType::kPresentReveal, {}, 1});
        if (opt.notes) m.Apply({ActionType::kPresentNotes});
    }
    if (!opt.share.empty()) {
        m.Apply({ActionType::kShareRefresh});
        const auto& list = m.Share().addresses;
        const auto it = std::find_if(list.begin(), list.end(), [&](const auto& a) { return a.address == opt.share; });
        if (it == list.end()) {
            std::fprintf(stderr, "fieldkit: %s\n",
                         Format(tr("{address} is not an address of this computer"), {{"address", opt.share}}).c_str());
            return 2;
        }
        m.Apply({ActionType::kShareStart, {}, static_cast<int>(it - list.begin())});
    }
    if (opt.feedback && m.Presenter()) m.Apply({ActionType::kCollectFeedback, m.Presenter()->address});
    if (!m.Share().error.empty()) std::fprintf(stderr, "fieldkit: %s\n", m.Share().error.c_str());
    if (shot && !m.Message().empty() && m.MessageIsError()) {
        std::fprintf(stderr, "fieldkit: %s\n", m.Message().c_str());
    }

    int pending = kFramesAfterEvent;
    int frames = 0, stable = 0;
    std::uint64_t last_hash = 0;
    int status = 0;
    if (!shot) {
        platform::SetFlagOnStopRequest(&g_quit);
    }
    (void)m.PollSync(UnixNow());  // the stored sync state, in words for this moment
    long long last_sync_poll = 0;
    long long last_clock = 0;
    PresenterScreens screens(gw);
    while (!glfwWindowShouldClose(gw.window) && !g_quit) {
        if (!shot) {
            const double since_poll = static_cast<double>(MonotonicNs() - last_sync_poll) / 1e9;
            const bool clock_runs = m.Presenter() && m.Presenter()->session.Running();
            double wait = g_sync_dirty ? std::max(0.0, kSyncPollSeconds - since_poll) : kIdleWaitSeconds;
            if (clock_runs) wait = std::min(wait, kClockSeconds);
            if (pending > 0)
                glfwPollEvents();
            else
                glfwWaitEventsTimeout(wait);
            if (g_event) pending = kFramesAfterEvent;
            g_event = false;
            if (MonotonicNs() - last_sync_poll >= static_cast<long long>(kSyncPollSeconds * 1e9)) {
                last_sync_poll = MonotonicNs();
                g_sync_dirty = false;
                if (m.PollSync(UnixNow())) pending = std::max(pending, kFramesAfterEvent);
            }
            if (clock_runs && MonotonicNs() - last_clock >= static_cast<long long>(kClockSeconds * 1e9)) {
                last_clock = MonotonicNs();
                pending = std::max(pending, 1);
            }
            if (pending <= 0) continue;
            --pending;
        } else {
            glfwPollEvents();
        }
        for (auto& p : g_dropped) actions.push_back({ActionType::kImportFile, p});
        g_dropped.clear();
        if (m.Apply(actions)) pending = kFramesAfterEvent;
        if (!shot) screens.Follow(m.Presenter() != nullptr);
        view.presenter_role = screens.MainRole();

        float s = scale;
        if (opt.scale <= 0) {
            float sx = 1, sy = 1;
            glfwGetWindowContentScale(gw.window, &sx, &sy);
            s = std::clamp(sx, 1.0f, 4.0f);
        }
        if (UpdateLook(m, opt.theme, s, view, look)) RendererRebuildFonts(gw);

        RendererNewFrame(gw);
        ImGui_ImplGlfw_NewFrame();
        if (shot) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover highlight in pictures
        ImGui::NewFrame();
        DrawFrame(m, view, actions);
        ImGui::Render();
        int fw = 0, fh = 0;
        glfwGetFramebufferSize(gw.window, &fw, &fh);
        glViewport(0, 0, fw, fh);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        RendererRender(gw);
        ++frames;
        if (!actions.empty()) pending = kFramesAfterEvent;

        if (shot) {
            std::uint64_t h = DrawDataHash();
            stable = (h == last_hash && actions.empty()) ? stable + 1 : 0;
            last_hash = h;
            if ((frames >= 4 && stable >= 2) || frames >= 120) {
                std::string err = WriteScreenshot(opt.screenshot, fw, fh);
                if (!err.empty()) {
                    std::fprintf(stderr, "fieldkit: %s\n", err.c_str());
                    status = 1;
                }
                break;
            }
        }
        glfwSwapBuffers(gw.window);
        screens.DrawProjector(m, view);
        // Updates run while the window is open: the configured mirrors (those the last
        // `fieldkit sync` stored), started once the first frame is up.
        if (frames == 1 && !shot) m.StartSync(core::SyncOptions{}, WakeForSync);
        if (frames == 1 && report_first_frame) {
            std::printf("first-frame-ns %lld\n", MonotonicNs());
            std::fflush(stdout);
        }
    }

    screens.Follow(false);  // the window's own size and place, before they are saved
    if (!shot) {
        int w = 0, h = 0;
        glfwGetWindowSize(gw.window, &w, &h);
        (void)platform::WriteFileAtomic(size_file, std::to_string(w) + " " + std::to_string(h) + "\n", "window size");
    }
    m.StopSync();  // before glfwTerminate: the engine's thread wakes the loop through GLFW
    RendererShutdown(gw);
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(gw.window);
    glfwTerminate();
    return status;
}

}  // namespace fk::ui
