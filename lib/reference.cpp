#include "backprop/reference.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "backprop/npy.h"

namespace backprop {
namespace {

npy::Array load(const std::filesystem::path& file, npy::DType dtype, const std::vector<std::int64_t>& shape) {
  auto array = npy::read(file);
  if (array.dtype != dtype)
    throw npy::Error(file.string() + ": dtype " + npy::to_string(array.dtype) + ", expected " + npy::to_string(dtype));
  if (array.shape != shape)
    throw npy::Error(file.string() + ": shape " + npy::shape_string(array.shape) + ", expected " +
                     npy::shape_string(shape));
  return array;
}

}  // namespace

std::vector<std::int64_t> expected_shape(std::string_view name, const Dims& d) {
  if (name.size() > 1 && name[0] == 'd') name.remove_prefix(1);  // a gradient has its tensor's shape
  const auto shapes = parameter_shapes(d.sizes);
  std::optional<Shape> parameter;
  for_each_parameter(
      [&](std::string_view p, const Shape& shape) {
        if (p == name) parameter = shape;
      },
      shapes);
  if (parameter) return *parameter;
  const auto [n, sizes] = d;
  const auto [vocab, block, embd, hidden] = sizes;
  using S = Shape;
  if (name == "bnmeani" || name == "bnvar" || name == "bnvar_inv") return S{1, hidden};
  if (name == "Xb") return S{n, block};
  if (name == "Yb") return S{n};
  if (name == "emb") return S{n, block, embd};
  if (name == "embcat") return S{n, block * embd};
  if (name == "hprebn" || name == "bndiff" || name == "bndiff2" || name == "bnraw" || name == "hpreact" || name == "h")
    return S{n, hidden};
  if (name == "logits" || name == "norm_logits" || name == "counts" || name == "probs" || name == "logprobs")
    return S{n, vocab};
  if (name == "logit_maxes" || name == "counts_sum" || name == "counts_sum_inv") return S{n, 1};
  if (name == "loss") return S{};
  throw std::invalid_argument("no tensor of the lecture is called '" + std::string(name) + "'");
}

Case::Case(std::filesystem::path dir) : dir_(std::move(dir)) {
  const auto meta_file = dir_ / "meta.json";
  std::ifstream in(meta_file);
  if (!in)
    throw std::runtime_error(meta_file.string() +
                             ": cannot open; a reference case is a folder with meta.json (see data/README.md)");
  try {
    const auto meta = nlohmann::json::parse(in);
    dims_ = {meta.at("n").get<std::int64_t>(),
             {.vocab_size = meta.at("vocab_size").get<std::int64_t>(),
              .block_size = meta.at("block_size").get<std::int64_t>(),
              .n_embd = meta.at("n_embd").get<std::int64_t>(),
              .n_hidden = meta.at("n_hidden").get<std::int64_t>()}};
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(meta_file.string() + ": " + e.what() +
                             " (expected an object with whole numbers n, block_size, n_embd, n_hidden, vocab_size)");
  }
  const auto& s = dims_.sizes;
  for (const auto size : {dims_.n, s.block_size, s.n_embd, s.n_hidden, s.vocab_size})
    if (size < 1) throw std::runtime_error(meta_file.string() + ": every size must be at least 1");
}

std::filesystem::path Case::file(std::string_view name) const { return dir_ / (std::string(name) + ".npy"); }

bool Case::has(std::string_view name) const { return std::filesystem::exists(file(name)); }

Matrix Case::matrix(std::string_view name) const {
  const auto shape = expected_shape(name, dims_);
  const auto array = load(file(name), npy::DType::float32, shape);
  return Eigen::Map<const Matrix>(array.f32.data(), rows_of(shape), shape.empty() ? 1 : shape.back());
}

RowVector Case::row(std::string_view name) const {
  const auto array = load(file(name), npy::DType::float32, expected_shape(name, dims_));
  return Eigen::Map<const RowVector>(array.f32.data(), array.size());
}

ColVector Case::col(std::string_view name) const {
  const auto array = load(file(name), npy::DType::float32, expected_shape(name, dims_));
  return Eigen::Map<const ColVector>(array.f32.data(), array.size());
}

IndexMatrix Case::index_matrix(std::string_view name) const {
  const auto shape = expected_shape(name, dims_);
  const auto array = load(file(name), npy::DType::int64, shape);
  return Eigen::Map<const IndexMatrix>(array.i64.data(), rows_of(shape), shape.back());
}

IndexVector Case::index_vector(std::string_view name) const {
  const auto array = load(file(name), npy::DType::int64, expected_shape(name, dims_));
  return Eigen::Map<const IndexVector>(array.i64.data(), array.size());
}

float Case::scalar(std::string_view name) const {
  return load(file(name), npy::DType::float32, expected_shape(name, dims_)).f32.front();
}

std::optional<Case> Case::probe(std::string_view step) const {
  const auto dir = dir_ / "probes" / step;
  if (!std::filesystem::exists(dir / "meta.json")) return std::nullopt;
  return Case(dir);
}

}  // namespace backprop
