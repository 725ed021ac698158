#include "checkpoint.h"

#include <algorithm>
#include <fstream>

#include "backprop/files.h"
#include "backprop/npy.h"

namespace train {
namespace {

constexpr const char* kFormat = "backprop-ninja checkpoint";

template <typename Tensor>
void save(const std::filesystem::path& dir, std::string_view name, const Tensor& t, std::vector<std::int64_t> shape) {
  backprop::npy::write(dir / (std::string(name) + ".npy"), shape,
                       std::span<const float>(t.data(), static_cast<std::size_t>(t.size())));
}

// Loads name.npy, which must be float32 of exactly this shape, and finite.
Matrix load(const std::filesystem::path& dir, std::string_view name, std::vector<std::int64_t> shape) {
  const auto file = dir / (std::string(name) + ".npy");
  backprop::npy::Array array;
  try {
    array = backprop::npy::read(file);
  } catch (const backprop::npy::Error& e) {
    throw CheckpointError(e.what());
  }
  if (array.dtype != backprop::npy::DType::float32 || array.shape != shape)
    throw CheckpointError(file.string() + ": " + backprop::npy::to_string(array.dtype) + " of shape " +
                          backprop::npy::shape_string(array.shape) + ", expected float32 (<f4) of shape " +
                          backprop::npy::shape_string(shape) + " (the sizes in meta.json)");
  const Eigen::Map<const Matrix> t(array.f32.data(), backprop::rows_of(shape), shape.back());
  if (!t.allFinite()) throw CheckpointError(file.string() + ": holds NaN or infinity; a trained model has neither");
  return t;
}

}  // namespace

void save_checkpoint(const std::filesystem::path& dir, const Model& model) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw CheckpointError(dir.string() + ": cannot create the folder (" + error.message() + ")");
  const auto s = sizes_of(model.parameters);
  // The lecture's shapes (b1 (n_hidden,), bngain (1, n_hidden), ...), as NumPy will read them.
  const auto shapes = backprop::parameter_shapes(s);
  try {
    backprop::for_each_parameter([&](std::string_view name, const auto& tensor,
                                     const backprop::Shape& shape) { save(dir, name, tensor, shape); },
                                 model.parameters, shapes);
    save(dir, "bnmean", model.stats.bnmean, {1, s.n_hidden});
    save(dir, "bnvar", model.stats.bnvar, {1, s.n_hidden});
  } catch (const backprop::npy::Error& e) {
    throw CheckpointError(e.what());
  }
  const nlohmann::json meta = {{"format", kFormat},          {"version", kCheckpointVersion},
                               {"vocab_size", s.vocab_size}, {"block_size", s.block_size},
                               {"n_embd", s.n_embd},         {"n_hidden", s.n_hidden},
                               {"itos", model.itos},         {"training", model.training}};
  const auto meta_file = dir / "meta.json";
  try {
    backprop::write_text(meta_file, meta.dump(2) + '\n');
  } catch (const std::runtime_error& e) {
    throw CheckpointError(e.what());
  }
}

Model load_checkpoint(const std::filesystem::path& dir) {
  const auto meta_file = dir / "meta.json";
  std::ifstream in(meta_file);
  if (!in)
    throw CheckpointError(meta_file.string() +
                          ": cannot open; a checkpoint is the folder that `train --save FOLDER` writes");
  Model model;
  Sizes s;
  try {
    const auto meta = nlohmann::json::parse(in);
    if (meta.value("format", "") != kFormat)
      throw CheckpointError(meta_file.string() + ": \"format\" is not \"" + kFormat + "\"");
    const int version = meta.at("version").get<int>();
    if (version != kCheckpointVersion)
      throw CheckpointError(meta_file.string() + ": version " + std::to_string(version) + ", this program reads " +
                            std::to_string(kCheckpointVersion));
    s = {.vocab_size = meta.at("vocab_size").get<std::int64_t>(),
         .block_size = meta.at("block_size").get<std::int64_t>(),
         .n_embd = meta.at("n_embd").get<std::int64_t>(),
         .n_hidden = meta.at("n_hidden").get<std::int64_t>()};
    model.itos = meta.at("itos").get<std::string>();
    model.training = meta.value("training", nlohmann::json::object());
  } catch (const nlohmann::json::exception& e) {
    throw CheckpointError(meta_file.string() + ": " + e.what());
  }
  // The vocabulary of a names file: '.', then distinct letters a-z in order (backprop::make_vocabulary).
  const auto& itos = model.itos;
  const bool letters = std::is_sorted(itos.begin() + std::min<std::size_t>(1, itos.size()), itos.end()) &&
                       std::adjacent_find(itos.begin(), itos.end()) == itos.end() &&
                       std::all_of(itos.begin() + std::min<std::size_t>(1, itos.size()), itos.end(),
                                   [](char c) { return c >= 'a' && c <= 'z'; });
  if (s.vocab_size < 2 || s.block_size < 1 || s.n_embd < 1 || s.n_hidden < 1 ||
      itos.size() != static_cast<std::size_t>(s.vocab_size) || itos[0] != '.' || !letters)
    throw CheckpointError(meta_file.string() +
                          ": sizes must be positive and \"itos\" must hold vocab_size characters: '.', then "
                          "distinct letters a-z in order");
  const auto shapes = backprop::parameter_shapes(s);
  backprop::for_each_parameter(
      [&](std::string_view name, auto& tensor, const backprop::Shape& shape) { tensor = load(dir, name, shape); },
      model.parameters, shapes);
  model.stats.bnmean = load(dir, "bnmean", {1, s.n_hidden});
  model.stats.bnvar = load(dir, "bnvar", {1, s.n_hidden});
  if ((model.stats.bnvar.array() < 0).any())
    throw CheckpointError((dir / "bnvar.npy").string() + ": a variance is negative");
  return model;
}

}  // namespace train
