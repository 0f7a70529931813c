// scalepol: an embeddable rules engine for AI scaling policies. Include this one header.
#pragma once

#include "scalepol/coverage.hpp"
#include "scalepol/diagnostic.hpp"
#include "scalepol/diff.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/export.hpp"
#include "scalepol/format.hpp"
#include "scalepol/lint.hpp"
#include "scalepol/options.hpp"
#include "scalepol/outline.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"
#include "scalepol/report.hpp"
#include "scalepol/stream.hpp"
#include "scalepol/version.hpp"
