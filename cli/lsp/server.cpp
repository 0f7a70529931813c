#include "lsp/server.hpp"

#include <cstdint>

#include "lsp/documents.hpp"
#include "lsp/features.hpp"
#include "lsp/jsonrpc.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::lsp {

namespace {

// A request whose params are not what the method takes.
struct BadParams {
  std::string message;
};

const char* type_word(json::value_t type) {
  switch (type) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    default: return "of the right type";
  }
}

// The member `key` of `object` (named `what` in messages), which must have the type `type`.
const json& member(const json& object, const char* key, json::value_t type, const char* what) {
  if (!object.is_object() || !object.contains(key) || object[key].type() != type)
    throw BadParams{std::string("`") + what + "` is missing or not " + type_word(type)};
  return object[key];
}

// LSP's `integer` and `uinteger` are 32-bit: -2^31 to 2^31 - 1, and 0 to 2^31 - 1.
constexpr int64_t kIntegerMax = 2147483647;

bool is_integer_from(const json& v, int64_t min) {
  if (v.is_number_unsigned()) return v.get<uint64_t>() <= static_cast<uint64_t>(kIntegerMax);
  return v.is_number_integer() && v.get<int64_t>() >= min && v.get<int64_t>() <= kIntegerMax;
}

// An optional `integer` member (a document's version): `fallback` when absent, BadParams when it
// is there but not an integer.
int64_t integer_member(const json& object, const char* key, int64_t fallback, const char* what) {
  if (!object.contains(key)) return fallback;
  if (!is_integer_from(object[key], -kIntegerMax - 1))
    throw BadParams{std::string("`") + what + "` is not an integer from -2147483648 to 2147483647"};
  return object[key].get<int64_t>();
}

// A position must have `line` and `character`, each a `uinteger`.
const json& position_of(const json& params) {
  const json& position = member(params, "position", json::value_t::object, "position");
  for (const char* key : {"line", "character"})
    if (!position.contains(key) || !is_integer_from(position[key], 0))
      throw BadParams{std::string("`position.") + key + "` is missing or not an integer from 0 to 2147483647"};
  return position;
}

// JSON-RPC ids are strings or numbers (or null, discouraged); anything else is no id to echo.
bool is_valid_id(const json& id) { return id.is_string() || id.is_number() || id.is_null(); }

std::string uri_of(const json& params) {
  const json& doc = member(params, "textDocument", json::value_t::object, "textDocument");
  return member(doc, "uri", json::value_t::string, "textDocument.uri").get<std::string>();
}

json capabilities() {
  return {
      {"textDocumentSync", {{"openClose", true}, {"change", 1}}},  // 1: full text on every change
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"documentSymbolProvider", true},
      {"documentFormattingProvider", true},
  };
}

class Session {
 public:
  Session(Transport& transport, std::ostream& log, const CompileOptions& options)
      : t_(transport), log_(log), options_(options) {}

  // Returns the exit code once the session is over; nothing while it goes on.
  std::optional<int> handle(const json& message) {
    if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
      if (message.is_object() && (message.contains("result") || message.contains("error"))) return {};  // a reply to us
      t_.write(error_response(message.is_object() ? message.value("id", json()) : json(), kInvalidRequest,
                              "a message without a `method`"));
      return {};
    }
    if (message.contains("id") && !is_valid_id(message["id"])) {
      t_.write(error_response(nullptr, kInvalidRequest, "the `id` is not a string or a number"));
      return {};
    }
    const std::string method = message["method"];
    const bool is_request = message.contains("id");
    const json id = message.value("id", json());
    const json params = message.value("params", json::object());
    if (method == "exit") return shutdown_ ? 0 : 1;
    try {
      if (!is_request) {
        if (initialized_) notify(method, params);  // before `initialize`, notifications are dropped
        return {};
      }
      if (shutdown_) {
        t_.write(error_response(id, kInvalidRequest, "the server is shutting down"));
      } else if (method == "initialize" && initialized_) {
        t_.write(error_response(id, kInvalidRequest, "`initialize` was sent twice"));
      } else if (method == "initialize") {
        initialized_ = true;
        t_.write(response(id, {{"capabilities", capabilities()},
                               {"serverInfo", {{"name", "scalepol"}, {"version", std::string(version())}}}}));
      } else if (!initialized_) {
        t_.write(error_response(id, kServerNotInitialized, "`initialize` must come first"));
      } else if (method == "shutdown") {
        shutdown_ = true;
        t_.write(response(id, nullptr));
      } else {
        t_.write(request(id, method, params));
      }
    } catch (const BadParams& e) {
      if (is_request) t_.write(error_response(id, kInvalidParams, e.message));
      log_ << "scalepol lsp: " << method << ": " << e.message << "\n";
    } catch (const std::exception& e) {
      if (is_request) t_.write(error_response(id, kInternalError, std::string("internal error: ") + e.what()));
      log_ << "scalepol lsp: " << method << ": internal error: " << e.what() << "\n";
    }
    return {};
  }

 private:
  json request(const json& id, const std::string& method, const json& params) {
    if (method == "textDocument/hover" || method == "textDocument/definition" ||
        method == "textDocument/documentSymbol") {
      Document* doc = docs_.find(uri_of(params));
      if (!doc) return error_response(id, kInvalidParams, "the document `" + uri_of(params) + "` is not open");
      if (method == "textDocument/documentSymbol") return response(id, document_symbols(*doc, options_));
      const json& position = position_of(params);
      if (method == "textDocument/hover") return response(id, hover(*doc, position, options_));
      return response(id, definition(*doc, position, options_, docs_));
    }
    if (method == "textDocument/formatting") {
      Document* doc = docs_.find(uri_of(params));
      if (!doc) return error_response(id, kInvalidParams, "the document `" + uri_of(params) + "` is not open");
      // FormattingOptions (tab size, spaces) are not read: the layout is the one `scalepol fmt` writes.
      Formatted f = formatting(*doc);
      if (f.edits.is_null()) return error_response(id, kRequestFailed, f.error);
      return response(id, std::move(f.edits));
    }
    return error_response(id, kMethodNotFound, "unknown method `" + method + "`");
  }

  void notify(const std::string& method, const json& params) {
    if (method == "textDocument/didOpen") {
      const json& doc = member(params, "textDocument", json::value_t::object, "textDocument");
      const std::string uri = member(doc, "uri", json::value_t::string, "textDocument.uri");
      const std::string text = member(doc, "text", json::value_t::string, "textDocument.text");
      publish(docs_.open(uri, text, integer_member(doc, "version", 0, "textDocument.version")));
    } else if (method == "textDocument/didChange") {
      const std::string uri = uri_of(params);
      const json& changes = member(params, "contentChanges", json::value_t::array, "contentChanges");
      if (changes.empty()) return;
      // Full sync: the last change holds the whole text.
      const std::string text = member(changes.back(), "text", json::value_t::string, "contentChanges[].text");
      if (changes.back().contains("range")) throw BadParams{"incremental changes are not supported (the server syncs full text)"};
      const int64_t version = integer_member(params["textDocument"], "version", 0, "textDocument.version");
      publish(docs_.open(uri, text, version));
    } else if (method == "textDocument/didClose") {
      const std::string uri = uri_of(params);
      docs_.close(uri);
      // Clear what was shown for it.
      t_.write(notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
    }
    // Every other notification (initialized, $/cancelRequest, didSave, …) needs nothing: requests
    // are answered before the next message is read, so there is never one to cancel.
  }

  void publish(const Document& doc) {
    t_.write(notification("textDocument/publishDiagnostics", diagnostics(doc, options_)));
  }

  Transport& t_;
  std::ostream& log_;
  const CompileOptions& options_;
  Documents docs_;
  bool initialized_ = false, shutdown_ = false;
};

}  // namespace

int serve(std::istream& in, std::ostream& out, std::ostream& log, const CompileOptions& options) {
  Transport transport(in, out);
  Session session(transport, log, options);
  for (;;) {
    Incoming m = transport.read();
    if (m.kind == Incoming::Kind::End) return 1;  // no `exit`: the client went away
    if (m.kind == Incoming::Kind::Malformed) {
      log << "scalepol lsp: " << m.error << "\n";
      transport.write(error_response(nullptr, kParseError, m.error));
      continue;
    }
    if (auto code = session.handle(m.body)) return *code;
  }
}

}  // namespace scalepol::lsp
