// Calls each Windows dependency once and says whether it answered as fieldkit needs; exits
// non-zero if any did not. Run by check-deps.sh under wine with LC_ALL=fr and a French catalog.
#include <GLFW/glfw3.h>
#include <curl/curl.h>
#include <fribidi.h>
#include <imgui.h>
#include <libintl.h>
#include <md4c-html.h>
#include <qrencode.h>
#include <sodium.h>
#include <sqlite3.h>
#include <yaml-cpp/yaml.h>
#include <zstd.h>

#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

static int failed = 0;
static void Check(bool ok, const char* what, const std::string& detail) {
    std::printf("%s %-9s %s\n", ok ? "ok  " : "FAIL", what, detail.c_str());
    if (!ok) ++failed;
}

static int CountMatches(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    int n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

int main(int argc, char** argv) {
    // SQLite: FTS5 with the tokenizer and options kit/core/index_builder.cpp uses.
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    const char* schema =
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');"
        "INSERT INTO t VALUES('Purifying wäter in the field');";
    bool made = sqlite3_exec(db, schema, nullptr, nullptr, nullptr) == SQLITE_OK;
    Check(made && CountMatches(db, "SELECT count(*) FROM t WHERE t MATCH 'water AND purify AND fi*'") == 1,
          "sqlite3", std::string(sqlite3_libversion()) + ", FTS5 porter/unicode61 match");
    sqlite3_close(db);

    // zstd: a round trip.
    const std::string text(1000, 'z');
    std::string packed(ZSTD_compressBound(text.size()), '\0'), back(text.size(), '\0');
    size_t n = ZSTD_compress(packed.data(), packed.size(), text.data(), text.size(), 19);
    bool zok = !ZSTD_isError(n) && ZSTD_decompress(back.data(), back.size(), packed.data(), n) == text.size();
    Check(zok && back == text, "zstd", std::string(ZSTD_versionString()) + ", 1000 -> " + std::to_string(n) + " bytes");

    // libsodium: a signature made and checked (minisign's Ed25519).
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
    bool sok = sodium_init() >= 0 && crypto_sign_keypair(pk, sk) == 0;
    sok = sok && crypto_sign_detached(sig, nullptr, (const unsigned char*)"pack", 4, sk) == 0 &&
          crypto_sign_verify_detached(sig, (const unsigned char*)"pack", 4, pk) == 0;
    Check(sok, "libsodium", std::string(sodium_version_string()) + ", Ed25519 sign/verify");

    // libcurl: TLS by Schannel, gzip by zlib.
    const curl_version_info_data* cv = curl_version_info(CURLVERSION_NOW);
    std::string ssl = cv->ssl_version ? cv->ssl_version : "none";
    Check(ssl.find("Schannel") != std::string::npos && (cv->features & CURL_VERSION_LIBZ),
          "curl", std::string(cv->version) + ", " + ssl + ", zlib " + (cv->libz_version ? cv->libz_version : "none"));

    YAML::Node y = YAML::Load("steps: [boil, filter]");
    Check(y["steps"][1].as<std::string>() == "filter", "yaml-cpp", "sequence parsed");

    std::string html;
    md_html("# Water\n", 8, [](const MD_CHAR* s, MD_SIZE z, void* out) { ((std::string*)out)->append(s, z); }, &html, 0, 0);
    Check(html == "<h1>Water</h1>\n", "md4c", html.substr(0, html.size() - 1));

    QRcode* qr = QRcode_encodeString("fieldkit", 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    Check(qr && qr->width == 21, "qrencode", "version 1 code, width " + std::to_string(qr ? qr->width : 0));
    QRcode_free(qr);

    Check(fribidi_get_bidi_type(0x0627) == FRIBIDI_TYPE_AL, "fribidi", "U+0627 ARABIC ALEF is AL");

    // libintl: the catalog check-deps.sh made (LC_ALL=fr) translates.
    bindtextdomain("fkcheck", argc > 1 ? argv[1] : "locale");
    bind_textdomain_codeset("fkcheck", "UTF-8");
    const char* water = "Water";  // through a variable: fieldkit's xgettext run must not pick it up
    std::string fr = dgettext("fkcheck", water);
    Check(fr == "Eau", "libintl", "\"Water\" -> \"" + fr + "\"");

    auto j = nlohmann::json::parse(R"({"pack": "first-aid"})");
    Check(j["pack"] == "first-aid", "json", "parsed");
    Check(std::strcmp(ImGui::GetVersion(), "1.86") == 0 && std::strstr(glfwGetVersionString(), "3.3.8"),
          "imgui", std::string(ImGui::GetVersion()) + ", GLFW " + glfwGetVersionString());

    std::printf("%s\n", failed ? "check-deps: FAILED" : "check-deps: every dependency answered");
    return failed ? 1 : 0;
}
