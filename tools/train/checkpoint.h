// A trained model on disk: a folder holding one .npy per tensor, named as the lecture's variables
// (C, W1, b1, W2, b2, bngain, bnbias, and BatchNorm's calibrated bnmean and bnvar), and meta.json
// with the format's name and version, the sizes, the vocabulary and how the model was trained.
// NumPy reads it: np.load("checkpoint/W1.npy").
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "train.h"

namespace train {

inline constexpr int kCheckpointVersion = 1;

class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Model {
  Parameters parameters;
  BatchNormStats stats;
  std::string itos;         // index -> character; itos[0] is '.'
  nlohmann::json training;  // how it was trained (steps, lr, seed, losses), for the record
};

// Creates dir if needed and writes every file; throws CheckpointError naming the file that failed.
void save_checkpoint(const std::filesystem::path& dir, const Model& model);
// Throws CheckpointError naming the file and what was expected when anything is missing or inconsistent.
Model load_checkpoint(const std::filesystem::path& dir);

}  // namespace train
