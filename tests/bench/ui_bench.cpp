// fk_ui_bench: the window's figures beside a bare GLFW + ImGui window measured in the same
// run: exec to first frame, frame CPU time (5,000 results; a 2,000-block article), resident
// memory and idle CPU over 10 s. Run under a display: xvfb-run -a ./fk_ui_bench
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kit/cli/built_in.hpp"
#include "kit/ui/gl_window.hpp"
#include "kit/ui/look.hpp"
#include "kit/ui/screens.hpp"
#include "kit/ui/startup.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

long long MonoNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

double ThreadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// --- The bare window: one default font, one ImGui window, the same idle loop. ---
int RunBare() {
    if (!glfwInit()) return 1;
    std::string err;
    fk::ui::GlWindow w = fk::ui::CreateGlWindow(1280, 800, "bare", true, err);
    if (!w.window) return 1;
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(w.window, true);
    fk::ui::RendererInit(w);
    int frames = 0;
    while (!glfwWindowShouldClose(w.window)) {
        if (frames >= 3)
            glfwWaitEventsTimeout(5);
        else
            glfwPollEvents();
        fk::ui::RendererNewFrame(w);
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::Begin("bare");
        ImGui::TextUnformatted("A bare GLFW + Dear ImGui window.");
        ImGui::End();
        ImGui::Render();
        glClear(GL_COLOR_BUFFER_BIT);
        fk::ui::RendererRender(w);
        glfwSwapBuffers(w.window);
        if (++frames == 1) {
            std::printf("first-frame-ns %lld\n", MonoNs());
            std::fflush(stdout);
        }
    }
    return 0;
}

// --- Child processes: exec, wait for the first frame, sample /proc. ---
struct Child {
    pid_t pid = -1;
    int out = -1;
    long long started = 0;
};

Child Spawn(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    Child c;
    c.started = MonoNs();
    c.pid = fork();
    if (c.pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    c.out = fds[0];
    return c;
}

double FirstFrameMs(Child& c) {
    std::string line;
    char ch;
    while (read(c.out, &ch, 1) == 1 && ch != '\n') line += ch;
    long long t = 0;
    if (std::sscanf(line.c_str(), "first-frame-ns %lld", &t) != 1) return -1;
    return static_cast<double>(t - c.started) / 1e6;
}

void Stop(Child& c) {
    kill(c.pid, SIGTERM);
    waitpid(c.pid, nullptr, 0);
    close(c.out);
}

double RssMiB(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    double kb = 0;
    while (in >> key) {
        if (key == "VmRSS:") {
            in >> kb;
            break;
        }
        std::getline(in, key);
    }
    return kb / 1024;
}

double CpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(in)), {});
    std::istringstream rest(s.substr(s.rfind(')') + 2));
    std::string f;
    std::vector<std::string> fields;
    while (rest >> f) fields.push_back(f);
    // Fields after the command: state is [0]; utime and stime are [11] and [12].
    return fields.size() > 12
               ? (std::stod(fields[11]) + std::stod(fields[12])) / static_cast<double>(sysconf(_SC_CLK_TCK))
               : 0;
}

struct ProcessFigures {
    double first_frame_ms, rss_mib, idle_cpu_pct;
};

ProcessFigures MeasureProcess(const std::vector<std::string>& argv, int runs, double idle_seconds) {
    std::vector<double> firsts;
    ProcessFigures f{};
    for (int i = 0; i < runs; ++i) {
        Child c = Spawn(argv);
        firsts.push_back(FirstFrameMs(c));
        if (i == runs - 1) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            f.rss_mib = RssMiB(c.pid);
            double cpu0 = CpuSeconds(c.pid);
            std::this_thread::sleep_for(std::chrono::duration<double>(idle_seconds));
            f.idle_cpu_pct = (CpuSeconds(c.pid) - cpu0) / idle_seconds * 100;
        }
        Stop(c);
    }
    f.first_frame_ms = Median(firsts);
    return f;
}

// --- In-process frame CPU time. ---
std::string SyntheticArticle(int blocks) {
    std::string md;
    for (int i = 0; i < blocks; ++i) {
        switch (i % 10) {
            case 0:
                md += "## Section " + std::to_string(i / 10) + "\n\n";
                break;
            case 3:
                md += "- [ ] Check the **generator** fuel level and log it, item " + std::to_string(i) + "\n\n";
                break;
            case 4:
                md += "- A list item with `code` and a [link](other-article.md) in it\n\n";
                break;
            case 7:
                md += "| Site | Fuel | Hours |\n|---|---|---|\n| POP A | 800 l | 72 |\n\n";
                break;
            default:
                md += "Paragraph " + std::to_string(i) +
                      ": keep the exchange running on battery and generator while the grid is down; "
                      "record every refuel, test the transfer switch monthly, and tell the people who "
                      "depend on it what to expect. *Emphasis* and **strong** words wrap like the rest.\n\n";
        }
    }
    return md;
}

double FrameMs(fk::ui::GlWindow& w, const std::function<void()>& draw, int frames, double* first = nullptr) {
    std::vector<double> t;
    for (int i = 0; i < frames; ++i) {
        glfwPollEvents();
        double c0 = ThreadCpuMs();
        fk::ui::RendererNewFrame(w);
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        glClear(GL_COLOR_BUFFER_BIT);
        fk::ui::RendererRender(w);
        double c1 = ThreadCpuMs();
        glfwSwapBuffers(w.window);
        if (i == 0 && first) *first = c1 - c0;
        if (i > 0) t.push_back(c1 - c0);
    }
    return Median(t);
}

int Main(const char* self) {
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
        std::fprintf(stderr, "fk_ui_bench: needs a display; run it as: xvfb-run -a -s \"-screen 0 1280x800x24\" %s\n",
                     self);
        return 1;
    }
    fk::test::TempDir tmp;
    const std::string data = (tmp.path() / "data").string();
    setenv("XDG_CONFIG_HOME", (tmp.path() / "config").c_str(), 1);
    setenv("FIELDKIT_REPORT_FIRST_FRAME", "1", 1);
    {  // install the built-in pack first, so start-up is measured warm
        Child c = Spawn({FK_BINARY, "--data-dir", data, "status"});
        close(c.out);
        waitpid(c.pid, nullptr, 0);
    }
    const double idle = 10;
    std::printf("measuring processes (9 starts each, then %.0f s idle)...\n", idle);
    ProcessFigures bare = MeasureProcess({self, "--bare"}, 9, idle);
    ProcessFigures app = MeasureProcess({FK_BINARY, "--data-dir", data}, 9, idle);

    // Frame CPU time, in this process.
    if (!glfwInit()) return 1;
    std::string err;
    fk::ui::GlWindow w = fk::ui::CreateGlWindow(1280, 800, "bench", true, err);
    if (!w.window) return 1;
    glfwSwapInterval(0);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(w.window, true);
    fk::ui::RendererInit(w);
    double bare_frame = FrameMs(
        w,
        [] {
            ImGui::Begin("bare");
            ImGui::TextUnformatted("A bare GLFW + Dear ImGui window.");
            ImGui::End();
        },
        200);

    auto model = fk::ui::Model::Open(data, fk::cli::BuiltInContent());
    if (!model) return 1;
    fk::ui::ViewState view;
    fk::ui::Look look;
    fk::ui::ActionQueue actions;
    if (fk::ui::UpdateLook(**model, "", 1.0f, view, look)) fk::ui::RendererRebuildFonts(w);
    fk::core::SearchResults many;
    auto sample = (*model)->Search();  // unused; results come from the real index below
    (void)sample;
    (*model)->Apply({fk::ui::ActionType::kSetQuery, "dns"});
    auto base_hits = (*model)->Search().results.hits;
    for (int i = 0; i < 5000 && !base_hits.empty(); ++i) {
        auto h = base_hits[static_cast<size_t>(i) % base_hits.size()];
        h.article.id += "-" + std::to_string(i);
        h.article.address += "-" + std::to_string(i);
        many.hits.push_back(std::move(h));
    }
    (*model)->InjectResults(std::move(many));
    auto draw_app = [&] {
        fk::ui::DrawFrame(**model, view, actions);
        actions.clear();
    };
    double results_frame = FrameMs(w, draw_app, 200);

    fk::core::ArticleView article;
    article.article.id = "bench-article";
    article.article.title = "A 2,000-block article";
    article.article.type = "guide";
    article.article.body = SyntheticArticle(2000);
    (*model)->InjectArticle(std::move(article));
    double article_first = 0;
    double article_frame = FrameMs(w, draw_app, 200, &article_first);

    std::printf("\n%-34s %12s %12s %s\n", "", "fieldkit", "bare", "goal");
    std::printf("%-34s %9.1f ms %9.1f ms  <= 1.5x bare (%.2fx)\n", "exec to first frame (median of 9)",
                app.first_frame_ms, bare.first_frame_ms, app.first_frame_ms / bare.first_frame_ms);
    std::printf("%-34s %9.3f ms %9.3f ms  <= 4 ms\n", "frame CPU, 5,000 results", results_frame, bare_frame);
    std::printf("%-34s %9.3f ms %9.3f ms  <= 4 ms (first frame, laying out all: %.1f ms)\n",
                "frame CPU, 2,000-block article", article_frame, bare_frame, article_first);
    std::printf("%-34s %8.1f MiB %8.1f MiB  <= bare + 40 MiB (+%.1f)\n", "resident memory after 1 s", app.rss_mib,
                bare.rss_mib, app.rss_mib - bare.rss_mib);
    std::printf("%-34s %10.2f %% %10.2f %%  <= 1%%\n", "idle CPU over 10 s", app.idle_cpu_pct, bare.idle_cpu_pct);
    std::printf("(GL: %s%s)\n", w.gl_version.c_str(), w.legacy ? ", OpenGL2 backend" : "");

    fk::ui::RendererShutdown(w);
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(w.window);
    glfwTerminate();
    return 0;
}

}  // namespace

// The font atlas alone: how long it takes to build and how big it is.
int RunAtlas() {
    ImGui::CreateContext();
    for (int size : {16, 32}) {
        double t0 = ThreadCpuMs();
        fk::ui::LoadFonts(*ImGui::GetIO().Fonts, static_cast<float>(size));
        unsigned char* px = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        std::printf("font atlas at %d px: %.1f ms CPU, %dx%d (%.1f MiB as RGBA)\n", size, ThreadCpuMs() - t0, w, h,
                    w * h * 4 / 1048576.0);
    }
    ImGui::DestroyContext();
    return 0;
}

// What the window's start-up workers cost, one by one (warm data directory).
int RunStartup(const char* data_dir) {
    for (int i = 0; i < 3; ++i) {
        double t0 = ThreadCpuMs();
        long long w0 = MonoNs();
        auto lib = fk::core::Library::Open(data_dir, fk::cli::BuiltInContent());
        double t1 = ThreadCpuMs();
        auto model = fk::ui::Model::Open(data_dir, fk::cli::BuiltInContent());
        double t2 = ThreadCpuMs();
        auto fonts = fk::ui::PrepareFonts(data_dir, 1.0f);
        double t3 = ThreadCpuMs();
        std::printf(
            "Library::Open %.1f ms, Model::Open (incl. library) %.1f ms, PrepareFonts %.1f ms CPU; %.1f ms wall\n",
            t1 - t0, t2 - t1, t3 - t2, static_cast<double>(MonoNs() - w0) / 1e6);
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--startup") return RunStartup(argv[2]);
    if (argc > 1 && std::string(argv[1]) == "--bare") return RunBare();
    if (argc > 1 && std::string(argv[1]) == "--atlas") return RunAtlas();
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return 1;
    self[n] = 0;
    return Main(self);
}
