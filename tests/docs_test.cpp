// The notes are part of the kata: every step in steps.json has its note, each note names the file
// the learner edits, lists the mistakes its test rejects and links the chain-rule section it uses,
// and every relative link or image in the pages a learner reads leads to a file (and, for a link into
// a Markdown file, a heading) that exists. Each step's forward line (steps.json is its one source) and
// shapes read the same in steps.h, the stub and solution headers, the note and docs/README.md, no
// page a learner reads gives an answer (a list of mistakes, a mistake's name, a gradient formula, a
// form of tests/data/answers.json) outside a fold, and no inline math breaks across lines.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "backprop/files.h"
#include "backprop/manifest.h"
#include "backprop/markdown_blocks.h"
#include "backprop/paths.h"
#include "catch.h"
#include "scratch_dir.h"

namespace fs = std::filesystem;

namespace {

using backprop::read_text;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// The lines GitHub renders as Markdown: fenced code blocks are blanked, so that a link or heading
// shown as an example is not taken for a real one.
std::vector<std::string> prose_lines(const std::string& text) {
  std::vector<std::string> lines = lines_of(text);
  bool in_fence = false;
  for (auto& line : lines) {
    if (backprop::markdown::is_fence(line)) {
      in_fence = !in_fence;
      line.clear();
    } else if (in_fence) {
      line.clear();
    }
  }
  return lines;
}

// One line without its inline code spans (`...`, ``...``).
std::string without_code_spans(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] != '`') {
      out += line[i++];
      continue;
    }
    std::size_t run = 0;
    while (i + run < line.size() && line[i + run] == '`') ++run;
    const std::string ticks(run, '`');
    const auto close = line.find(ticks, i + run);
    if (close == std::string::npos) {
      out += line.substr(i, run);
      i += run;
    } else {
      out += ' ';
      i = close + run;
    }
  }
  return out;
}

// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces turned into hyphens.
// Headings in these docs are ASCII; other bytes are kept as they are.
std::string slug(const std::string& heading) {
  std::string out;
  for (const char c : heading) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || u >= 0x80)
      out += static_cast<char>(std::tolower(u));
    else if (c == ' ')
      out += '-';
  }
  return out;
}

// Every anchor a Markdown file defines: its headings' slugs (a repeated heading gets -1, -2, ...)
// and explicit id="..." or name="..." attributes.
std::set<std::string> anchors_of(const std::string& text) {
  std::set<std::string> anchors;
  std::map<std::string, int> seen;
  for (const auto& raw : prose_lines(text)) {
    if (backprop::markdown::heading_level(raw) > 0) {
      std::string text_only;
      for (const char c : backprop::markdown::heading_text(raw))
        if (c != '`' && c != '*') text_only += c;
      const std::string base = slug(text_only);
      const int count = seen[base]++;
      anchors.insert(count == 0 ? base : base + "-" + std::to_string(count));
    }
    for (const std::string attribute : {"id=\"", "name=\""}) {
      for (auto at = raw.find(attribute); at != std::string::npos; at = raw.find(attribute, at + 1)) {
        const auto start = at + attribute.size();
        const auto end = raw.find('"', start);
        if (end != std::string::npos) anchors.insert(raw.substr(start, end - start));
      }
    }
  }
  return anchors;
}

// Every link and image target: [text](target), ![alt](target), [label]: target, src="target",
// href="target". Code blocks and code spans are skipped.
std::vector<std::string> link_targets(const std::string& text) {
  std::vector<std::string> targets;
  for (const auto& raw : prose_lines(text)) {
    const std::string line = without_code_spans(raw);
    for (auto at = line.find("]("); at != std::string::npos; at = line.find("](", at + 2)) {
      std::size_t i = at + 2;
      while (i < line.size() && line[i] == ' ') ++i;
      std::string target;
      if (i < line.size() && line[i] == '<') {
        const auto close = line.find('>', i);
        target = line.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
      } else {
        int depth = 0;
        for (; i < line.size() && line[i] != ' '; ++i) {
          if (line[i] == '(') ++depth;
          if (line[i] == ')' && depth-- == 0) break;
          target += line[i];
        }
      }
      targets.push_back(target);
    }
    const auto first = line.find_first_not_of(' ');
    if (first != std::string::npos && first <= 3 && line[first] == '[') {
      const auto colon = line.find("]:", first);
      if (colon != std::string::npos) {
        std::istringstream rest(line.substr(colon + 2));
        std::string target;
        if (rest >> target) targets.push_back(target);
      }
    }
    for (const std::string attribute : {"src=\"", "href=\""}) {
      for (auto at = line.find(attribute); at != std::string::npos; at = line.find(attribute, at + 1)) {
        const auto start = at + attribute.size();
        const auto end = line.find('"', start);
        if (end != std::string::npos) targets.push_back(line.substr(start, end - start));
      }
    }
  }
  return targets;
}

// The names of the wrong answers a step's test file declares: KATA_MUTANT("step", "mistake", ...).
std::vector<std::string> mutant_names(const std::string& test_source) {
  std::vector<std::string> names;
  const auto literal_after = [&](std::size_t& at) {
    const auto open = test_source.find('"', at);
    const auto close = open == std::string::npos ? open : test_source.find('"', open + 1);
    if (close == std::string::npos) return std::string();
    at = close + 1;
    return test_source.substr(open + 1, close - open - 1);
  };
  for (auto at = test_source.find("KATA_MUTANT("); at != std::string::npos; at = test_source.find("KATA_MUTANT(", at)) {
    literal_after(at);  // the step
    names.push_back(literal_after(at));
  }
  return names;
}

// Every step's mutant names.
std::vector<std::string> all_mutant_names(const fs::path& root) {
  std::vector<std::string> names;
  for (const auto& step : backprop::steps()) {
    const auto found = mutant_names(read_text(root / "tests" / step.file()));
    names.insert(names.end(), found.begin(), found.end());
  }
  return names;
}

bool is_external(const std::string& target) {
  for (const char* scheme : {"http:", "https:", "mailto:"})
    if (target.rfind(scheme, 0) == 0) return true;
  return false;
}

// What is wrong with the links of one Markdown file inside the tree at root: one line per problem.
std::vector<std::string> link_problems(const fs::path& root, const fs::path& file) {
  std::vector<std::string> problems;
  const std::string text = read_text(file);
  const fs::path canonical_root = fs::weakly_canonical(root);
  for (const auto& target : link_targets(text)) {
    const std::string where = fs::relative(file, root).generic_string() + ": link '" + target + "'";
    if (target.empty()) {
      problems.push_back(where + " is empty");
      continue;
    }
    if (is_external(target)) continue;
    const auto hash = target.find('#');
    const std::string path_part = target.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
    fs::path resolved = file;
    if (!path_part.empty()) {
      resolved = path_part[0] == '/' ? root / path_part.substr(1) : file.parent_path() / path_part;
      resolved = fs::weakly_canonical(resolved);
      const auto inside = fs::relative(resolved, canonical_root).generic_string();
      if (inside.rfind("..", 0) == 0) {
        problems.push_back(where + " leaves the repository");
        continue;
      }
      if (!fs::exists(resolved)) {
        problems.push_back(where + " names a file that does not exist");
        continue;
      }
    }
    if (!fragment.empty() && resolved.extension() == ".md" && fs::is_regular_file(resolved) &&
        anchors_of(read_text(resolved)).count(fragment) == 0)
      problems.push_back(where + ": " + fs::relative(resolved, canonical_root).generic_string() +
                         " has no heading with anchor #" + fragment);
  }
  return problems;
}

// The pages a learner reads: every Markdown file a hand-out gives them (tools/handout.sh leaves out
// only solutions/ and .ci/), that is README.md and those under data/, docs/ and tools/.
// docs/instructor.md is one: docs/README.md links it and the hand-out keeps it.
std::vector<fs::path> learner_pages(const fs::path& root) {
  std::vector<fs::path> files;
  if (fs::exists(root / "README.md")) files.push_back(root / "README.md");
  for (const std::string folder : {"data", "docs", "tools"}) {
    if (!fs::is_directory(root / folder)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / folder))
      if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += "\n  " + line;
  return out;
}

// The "name (shape)" pairs of a shapes line such as "dlogits (n, 27) -> db2 (1, 27)", and of a
// note's shapes table (rows "| `name` | (shape) | ..."): the form every place writes shapes in.
std::map<std::string, std::string> shapes_of_line(const std::string& line) {
  std::map<std::string, std::string> shapes;
  static const std::regex pair(R"(([A-Za-z_]\w*) (\([^)]*\)))");
  for (std::sregex_iterator it(line.begin(), line.end(), pair), end; it != end; ++it) shapes[(*it)[1]] = (*it)[2];
  return shapes;
}

std::map<std::string, std::string> shapes_of_table(const std::string& note) {
  std::map<std::string, std::string> shapes;
  static const std::regex row(R"(^\| `(\w+)` \| (\([^)]*\)) \|)");
  for (const auto& line : lines_of(note)) {
    std::smatch match;
    if (std::regex_search(line, match, row)) shapes[match[1]] = match[2];
  }
  return shapes;
}

std::string describe(const std::map<std::string, std::string>& shapes) {
  std::string out;
  for (const auto& [name, shape] : shapes) out += (out.empty() ? "" : ", ") + name + " " + shape;
  return out;
}

// The text after "// <label>" in a source file's header comment, or "" when it has none.
std::string header_field(const std::string& source, const std::string& label) {
  for (const auto& line : lines_of(source)) {
    if (line.rfind("//", 0) != 0) break;
    if (line.rfind("// " + label, 0) == 0) {
      const auto value = line.find_first_not_of(' ', 3 + label.size());
      return value == std::string::npos ? "" : line.substr(value);
    }
  }
  return "";
}

// One line of a page as a reader sees it without opening a fold.
struct ShownLine {
  int number;  // from 1
  std::string text;
};

// A page split at its <details> folds: the lines outside every fold, with the <summary> of an
// outermost fold (a summary shows while its fold is closed), and the text inside the folds. Code
// blocks and code spans count as text, since code can answer too, but a <details> written in code
// is not a fold.
struct Folds {
  std::vector<ShownLine> shown;
  std::string folded;
};

Folds split_folds(const std::string& page) {
  Folds folds;
  int depth = 0;
  int number = 0;
  bool in_fence = false;
  for (const auto& line : lines_of(page)) {
    ++number;
    const bool fence = backprop::markdown::is_fence(line);
    const std::string markup = in_fence || fence ? std::string() : without_code_spans(line);
    if (fence) in_fence = !in_fence;
    const int before = depth;
    if (markup.find("<details>") != std::string::npos) ++depth;
    if (markup.find("</details>") != std::string::npos) depth = std::max(0, depth - 1);
    const bool summary = before <= 1 && depth == 1 && markup.find("<summary>") != std::string::npos;
    if ((before == 0 && depth == 0) || summary)
      folds.shown.push_back({number, line});
    else
      folds.folded += line + '\n';
  }
  return folds;
}

// Text as answers.json's forms are compared: no whitespace, none of LaTeX's spacing commands,
// \left and \right dropped before their delimiters, \dfrac and \tfrac read as \frac.
std::string normalised(const std::string& text) {
  static const std::vector<std::pair<std::string, std::string>> commands = {
      {"\\qquad", ""},       {"\\quad", ""}, {"\\left", ""}, {"\\right", ""}, {"\\dfrac", "\\frac"},
      {"\\tfrac", "\\frac"}, {"\\,", ""},    {"\\;", ""},    {"\\!", ""}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const auto command = std::find_if(commands.begin(), commands.end(), [&](const auto& c) {
      const auto end = i + c.first.size();
      // A command name ends where its letters do: \left( is \left, \leftarrow is not.
      return text.compare(i, c.first.size(), c.first) == 0 &&
             (!std::isalpha(static_cast<unsigned char>(c.first.back())) || end >= text.size() ||
              !std::isalpha(static_cast<unsigned char>(text[end])));
    });
    if (command == commands.end()) {
      out += text[i++];
    } else {
      out += command->second;
      i += command->first.size();
    }
  }
  return out;
}

// One answer of tests/data/answers.json: the steps it answers, in words, and its written forms.
struct Answer {
  std::vector<int> steps;
  std::string what;
  std::vector<std::string> forms;

  std::string name() const {  // "step 9, 22 (the input side of a linear layer...)"
    std::string out = "step ";
    for (const int step : steps) out += (out.size() > 5 ? ", " : "") + std::to_string(step);
    return out + " (" + what + ")";
  }
};

std::vector<Answer> read_answers() {
  std::vector<Answer> answers;
  const auto json = nlohmann::json::parse(read_text(backprop::test_data_dir() / "answers.json"));
  for (const auto& entry : json.at("answers"))
    answers.push_back({entry.at("steps").get<std::vector<int>>(), entry.at("what").get<std::string>(),
                       entry.at("forms").get<std::vector<std::string>>()});
  return answers;
}

// What on a page gives an answer away outside its folds: a form of an answer, searched paragraph by
// paragraph so that a line break inside it does not hide it, or a known mistake's name in code
// (each mistake the tests know is the answer with one thing changed). One line per problem.
std::vector<std::string> answer_problems(const std::string& page, const std::vector<Answer>& answers,
                                         const std::vector<std::string>& mutants) {
  std::vector<std::string> problems;
  const auto shown = split_folds(page).shown;
  for (std::size_t start = 0; start < shown.size();) {
    std::string paragraph;
    std::vector<int> line_of;  // the line each character of the paragraph comes from
    std::size_t end = start;
    for (; end < shown.size() && (end == start || shown[end].number == shown[end - 1].number + 1); ++end) {
      const std::string text = normalised(shown[end].text);
      if (text.empty()) break;
      paragraph += text;
      line_of.insert(line_of.end(), text.size(), shown[end].number);
    }
    for (const auto& answer : answers)
      for (const auto& form : answer.forms) {
        const auto at = paragraph.find(normalised(form));
        if (at != std::string::npos)
          problems.push_back("line " + std::to_string(line_of[at]) + ": the answer of " + answer.name() +
                             " outside a fold: " + form);
      }
    start = std::max(end, start + 1);
  }
  for (const auto& line : shown)
    for (const auto& mutant : mutants)
      if (line.text.find("`" + mutant + "`") != std::string::npos)
        problems.push_back("line " + std::to_string(line.number) + ": the mistake `" + mutant + "` outside a fold");
  return problems;
}

// What in a note gives an answer away outside a <details> fold, beyond what answer_problems finds:
// a list under a heading about mistakes, or a formula for a gradient (a \partial with an = after it
// on the line). One line per problem.
std::vector<std::string> spoiler_problems(const std::string& note) {
  std::vector<std::string> problems;
  std::string prose;  // code blocks blanked: a # there is no heading, a \partial there no formula
  for (const auto& line : prose_lines(note)) prose += line + '\n';
  const auto shown = split_folds(prose).shown;
  bool mistakes_section = false;
  for (const auto& [number, line] : shown) {
    if (backprop::markdown::heading_level(line) > 0) {
      std::string lower = line;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      mistakes_section = lower.find("mistake") != std::string::npos;
    }
    const std::string where = "line " + std::to_string(number) + ": ";
    if (mistakes_section && (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 || line.rfind("1. ", 0) == 0))
      problems.push_back(where + "a list of mistakes outside a fold");
    const auto partial = line.find("\\partial");
    if (partial != std::string::npos && line.find('=', partial) != std::string::npos)
      problems.push_back(where + "a gradient formula outside a fold");
  }
  return problems;
}

// Inline math that a line break cuts: GitHub renders a $...$ only when it closes on its own line.
// Code is skipped, $$ opens or closes display math, and \$ is a dollar sign. One line per problem.
std::vector<std::string> math_problems(const std::string& page) {
  std::vector<std::string> problems;
  int number = 0;
  for (const auto& line : prose_lines(page)) {
    ++number;
    const std::string text = std::regex_replace(without_code_spans(line), std::regex(R"(\\\$|\$\$)"), "");
    if (std::count(text.begin(), text.end(), '$') % 2 != 0)
      problems.push_back("line " + std::to_string(number) + ": inline math ($...$) that does not close on its line");
  }
  return problems;
}

}  // namespace

TEST_CASE("every step has its note", "[docs]") {
  const fs::path root = backprop::source_dir();
  std::vector<std::string> problems;
  for (const auto& step : backprop::steps()) {
    const fs::path note = root / step.note();
    if (!fs::is_regular_file(note)) {
      problems.push_back(step.name + ": " + step.note() + " does not exist");
      continue;
    }
    const std::string text = read_text(note);
    if (text.find("exercises/" + step.file()) == std::string::npos)
      problems.push_back(step.note() + " does not name the file the learner edits, exercises/" + step.file());
    std::istringstream forward(step.forward);
    for (std::string part; std::getline(forward, part, ';');) {
      part.erase(0, part.find_first_not_of(' '));
      if (text.find(part) == std::string::npos)
        problems.push_back(step.note() + " does not show the forward line '" + part + "' from steps.json");
    }
    const auto mutants = mutant_names(read_text(root / "tests" / step.file()));
    if (mutants.empty()) problems.push_back("tests/" + step.file() + " declares no KATA_MUTANT");
    for (const auto& mutant : mutants)
      if (text.find("`" + mutant + "`") == std::string::npos)
        problems.push_back(step.note() + " does not list the mistake `" + mutant + "` that tests/" + step.file() +
                           " rejects");
    if (text.find("](../chain-rule.md#") == std::string::npos)
      problems.push_back(step.note() + " links no section of docs/chain-rule.md");
    if (text.find("<details>") == std::string::npos)
      problems.push_back(step.note() + " has no folded hint (<details>)");
  }
  INFO("problems:" << join(problems));
  CHECK(problems.empty());
}

TEST_CASE("every relative link and image in the pages a learner reads resolves", "[docs]") {
  const fs::path root = backprop::source_dir();
  std::vector<std::string> problems;
  const auto files = learner_pages(root);
  for (const auto& file : files) {
    const auto found = link_problems(root, file);
    problems.insert(problems.end(), found.begin(), found.end());
  }
  INFO("checked " << files.size() << " files; problems:" << join(problems));
  CHECK(files.size() > backprop::steps().size());
  CHECK(problems.empty());
}

// The checker itself, on a small tree with one good and several bad links: it must flag the bad ones.
TEST_CASE("the link checker rejects broken links", "[docs]") {
  const ScratchDir scratch;
  const fs::path& root = scratch.path;
  fs::create_directories(root / "docs" / "steps");
  backprop::write_text(root / "docs" / "target.md", "# A Section: `code` here\n\n## Again\n## Again\n");
  backprop::write_text(root / "docs" / "steps" / "note.md",
                       "[ok](../target.md#a-section-code-here) [ok](../target.md#again-1) ![ok](../target.md)\n"
                       "[ok](https://example.com/missing) `[ignored](nowhere.md)`\n"
                       "```\n[ignored](nowhere.md)\n```\n"
                       "[missing](../missing.md) ![missing](graph.svg) [anchor](../target.md#nope)\n"
                       "[outside](../../../elsewhere.md) <img src=\"nope.png\">\n"
                       "[ref]: ../nothing.md\n");
  const auto problems = link_problems(root, root / "docs" / "steps" / "note.md");
  INFO("problems:" << join(problems));
  CHECK(problems.size() == 6);
  for (const std::string bad :
       {"'../missing.md'", "'graph.svg'", "#nope", "'../../../elsewhere.md' leaves", "'nope.png'", "'../nothing.md'"}) {
    INFO("expected a problem naming " << bad);
    CHECK(std::any_of(problems.begin(), problems.end(),
                      [&](const std::string& p) { return p.find(bad) != std::string::npos; }));
  }
}

// steps.json is the one source of each forward line: steps.h, the stub's and the solution's header,
// the note and the forward table of docs/README.md repeat it, and must repeat it exactly. The shapes
// are written in steps.h, both headers and the note's table: they must agree too.
TEST_CASE("forward lines and shapes agree with steps.json everywhere", "[docs]") {
  const fs::path root = backprop::source_dir();
  std::vector<std::string> problems;
  const auto header = lines_of(read_text(root / "lib" / "backprop" / "steps.h"));
  const std::string map = read_text(root / "docs" / "README.md");
  for (const auto& step : backprop::steps()) {
    // A learner's own file is theirs: the headers checked are the stubs' (while a file still is
    // one) and the solutions'. So this test passes whatever the learner's progress.
    const auto exercise = root / "exercises" / step.file();
    const std::string stub = fs::exists(exercise) ? read_text(exercise) : "";
    const bool shipped = stub.find("throw NotDone(\"" + step.name + "\")") != std::string::npos;
    const auto table = shapes_of_table(read_text(root / step.note()));
    std::vector<std::pair<std::string, std::string>> sources;
    // A hand-out has no solutions/ (docs/instructor.md).
    if (fs::exists(root / "solutions")) sources.emplace_back("solutions/", read_text(root / "solutions" / step.file()));
    if (shipped) sources.emplace_back("exercises/", stub);
    for (const auto& [where, source] : sources) {
      const std::string file = where + step.file();
      if (header_field(source, "Forward:") != step.forward)
        problems.push_back(file + ": the header's Forward line is not '" + step.forward + "' (steps.json)");
      const auto shapes = shapes_of_line(header_field(source, "Shapes:"));
      if (shapes != table)
        problems.push_back(file + ": the header's shapes (" + describe(shapes) + ") differ from the table of " +
                           step.note() + " (" + describe(table) + ")");
    }
    const std::string check = "build/exercises/kata run " + step.name + " ";
    if (shipped && header_field(stub, "Check:").rfind(check, 0) != 0)
      problems.push_back("exercises/" + step.file() + ": the header's Check line does not start with '" + check + "'");
    const auto declaration = std::find_if(header.begin() + 2, header.end(), [&](const std::string& line) {
      return line.rfind("//", 0) != 0 && line.find(" " + step.name + "(") != std::string::npos;
    });
    if (declaration == header.end()) {
      problems.push_back("lib/backprop/steps.h declares no " + step.name);
    } else {
      if (*(declaration - 2) != "// " + step.forward)
        problems.push_back("lib/backprop/steps.h: the comment above " + step.name + " is not '// " + step.forward +
                           "'");
      if (shapes_of_line(*(declaration - 1)) != table)
        problems.push_back("lib/backprop/steps.h: the shapes above " + step.name + " differ from the table of " +
                           step.note() + " (" + describe(table) + ")");
    }
    const std::string stem = step.stem();
    const std::string row = "| " + std::to_string(step.number) + " | [`" + step.name + "`](steps/" + stem +
                            ".md) | [`exercises/" + step.file() + "`](../exercises/" + step.file() + ") | " +
                            std::to_string(step.exercise) + " |";
    if (map.find(row) == std::string::npos)
      problems.push_back("docs/README.md: the steps table has no row starting '" + row + "'");
    if (step.exercise != 1) continue;  // the fused steps rewrite lines the table already lists
    std::istringstream forward(step.forward);
    for (std::string part; std::getline(forward, part, ';');) {
      part.erase(0, part.find_first_not_of(' '));
      const auto equals = part.find(" = ");
      if (equals == std::string::npos) {
        problems.push_back("steps.json: the forward line '" + part + "' of " + step.name + " assigns nothing");
        continue;
      }
      const std::string cells = "| `" + part.substr(0, equals) + "` | `" + part.substr(equals + 3) + "` |";
      if (map.find(cells) == std::string::npos)
        problems.push_back("docs/README.md: the forward table has no row '" + cells + "' for '" + part + "'");
    }
  }
  INFO("problems:" << join(problems));
  CHECK(problems.empty());
}

// Outside its folds a page may ask and explain, not answer: see answer_problems, and for the notes
// spoiler_problems too.
TEST_CASE("no page a learner reads gives an answer outside a fold", "[docs]") {
  const fs::path root = backprop::source_dir();
  const auto answers = read_answers();
  const auto mutants = all_mutant_names(root);
  std::set<std::string> notes;
  for (const auto& step : backprop::steps()) notes.insert(step.note());
  std::vector<std::string> problems;
  const auto pages = learner_pages(root);
  for (const auto& page : pages) {
    const std::string text = read_text(page);
    const std::string name = fs::relative(page, root).generic_string();
    auto found = answer_problems(text, answers, mutants);
    if (notes.count(name) != 0) {
      const auto more = spoiler_problems(text);
      found.insert(found.end(), more.begin(), more.end());
    }
    for (const auto& problem : found) problems.push_back(name + " " + problem);
  }
  INFO("checked " << pages.size() << " pages against " << answers.size() << " answers; problems:" << join(problems));
  CHECK(pages.size() > backprop::steps().size() + 5);
  CHECK(problems.empty());
}

// answers.json follows the pages' wording: each answer is written, in one of its forms, inside some
// fold (a tier 3, a derivation). An answer no fold writes is one the scan above would miss if the
// pages wrote it outside a fold.
TEST_CASE("every answer of tests/data/answers.json is written in some fold", "[docs]") {
  const fs::path root = backprop::source_dir();
  std::string folded;
  for (const auto& page : learner_pages(root)) folded += normalised(split_folds(read_text(page)).folded);
  std::vector<std::string> problems;
  std::set<int> answered;
  for (const auto& answer : read_answers()) {
    answered.insert(answer.steps.begin(), answer.steps.end());
    if (std::none_of(answer.forms.begin(), answer.forms.end(),
                     [&](const std::string& form) { return folded.find(normalised(form)) != std::string::npos; }))
      problems.push_back(answer.name() + ": no fold writes any of its forms");
  }
  for (const auto& step : backprop::steps())
    if (answered.count(step.number) == 0) problems.push_back("step " + step.name + ": answers.json has no answer");
  INFO("problems:" << join(problems));
  CHECK(problems.empty());
}

TEST_CASE("no inline math in the pages breaks across lines", "[docs]") {
  const fs::path root = backprop::source_dir();
  std::vector<std::string> problems;
  for (const auto& page : learner_pages(root))
    for (const auto& problem : math_problems(read_text(page)))
      problems.push_back(fs::relative(page, root).generic_string() + " " + problem);
  INFO("problems:" << join(problems));
  CHECK(problems.empty());
}

// The checkers themselves, on planted violations.
TEST_CASE("the spoiler and shape checkers reject planted violations", "[docs]") {
  const std::string note =
      "**Tier 1, the idea.** $\\partial L / \\partial x$ is what you want.\n"
      "$$\\frac{\\partial L}{\\partial x} = 2x$$\n"
      "<details>\n<summary>Tier 3</summary>\n\n$$\\frac{\\partial L}{\\partial x} = 2x$$\n\n</details>\n"
      "## Mistakes the tests catch\n"
      "- a sign\n"
      "Avoid `flipped sign`.\n"
      "<details>\n<summary>The known mistakes</summary>\n\n- `flipped sign`\n\n</details>\n"
      "## Chain rule used\n- a list\n";
  auto problems = spoiler_problems(note);
  const auto more = answer_problems(note, {}, {"flipped sign"});
  problems.insert(problems.end(), more.begin(), more.end());
  INFO("problems:" << join(problems));
  CHECK(problems.size() == 3);
  for (const std::string bad : {"line 2: a gradient formula", "line 10: a list of mistakes", "line 11: the mistake"}) {
    INFO("expected a problem naming " << bad);
    CHECK(std::any_of(problems.begin(), problems.end(),
                      [&](const std::string& p) { return p.find(bad) != std::string::npos; }));
  }
  // An answer's forms, however spaced or broken across lines, outside a fold or in a fold's summary;
  // a <details> in code opens no fold; a code block still counts.
  const std::vector<Answer> answers = {{{9}, "dh", {"dy @ W.T", "\\frac{1}{n-1} \\, \\frac{\\partial L}{\\partial v"}}};
  const std::string page =
      "Take `dy@W.T`.\n"                                                                      // 1: found
      "<details>\n<summary>Tier 3</summary>\n\n`dy @ W.T`\n\n</details>\n"                    // 2-7: folded
      "A `<details>` in code, then $\\dfrac{1}{n-1}\n\\frac{\\partial L}{\\partial v_j}$.\n"  // 8-9: found at 8
      "<details>\n<summary>Open: dy @ W.T</summary>\n</details>\n"  // 10-12: found in the summary, 11
      "```\nreturn dy @ W.T\n```\n";                                // 13-15: found at 14
  const auto found = answer_problems(page, answers, {});
  INFO("answer problems:" << join(found));
  CHECK(found.size() == 4);
  for (const std::string bad : {"line 1: ", "line 8: ", "line 11: ", "line 14: "}) {
    INFO("expected a problem at " << bad);
    CHECK(std::any_of(found.begin(), found.end(), [&](const std::string& p) { return p.rfind(bad, 0) == 0; }));
  }
  CHECK(normalised("\\left( \\tfrac12 \\right)\\, \\leftarrow") == "(\\frac12)\\leftarrow");
  const auto math = math_problems("$a$ and $$b$$ cost \\$5, `$x`\n$a\nb$ spans\n");
  INFO("math problems:" << join(math));
  CHECK(math.size() == 2);
  CHECK((math.size() == 2 && math[0].rfind("line 2:", 0) == 0 && math[1].rfind("line 3:", 0) == 0));
  const std::string table =
      "| tensor | shape |\n| --- | --- |\n| `dlogits` | (n, 27) | `Matrix` |\n| `db2` | (1, 27) |\n";
  CHECK(shapes_of_table(table) == shapes_of_line("dlogits (n, 27) -> db2 (1, 27)"));
  CHECK(shapes_of_table(table) != shapes_of_line("dlogits (n, 27) -> db2 (27,)"));
  CHECK(header_field("// Step 1\n// Forward:  a = b\n#include <x>\n// Forward:  c\n", "Forward:") == "a = b");
}
