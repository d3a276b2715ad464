/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Everything of libladder-core, the model and formats shared by the app,
 * ladder-cli and the tests. No GTK here. */

#include "ladder-action.h"
#include "ladder-behaviour.h"
#include "ladder-category.h"
#include "ladder-cell.h"
#include "ladder-chart.h"
#include "ladder-checkin.h"
#include "ladder-enums.h"
#include "ladder-evidence.h"
#include "ladder-format.h"
#include "ladder-framework.h"
#include "ladder-gap.h"
#include "ladder-history.h"
#include "ladder-import.h"
#include "ladder-import-edit.h"
#include "ladder-level.h"
#include "ladder-autosave.h"
#include "ladder-library.h"
#include "ladder-merge.h"
#include "ladder-profile.h"
#include "ladder-progress.h"
#include "ladder-promotion.h"
#include "ladder-rating.h"
#include "ladder-report.h"
#include "ladder-review.h"
#include "ladder-sample.h"
#include "ladder-save.h"
#include "ladder-team.h"
#include "ladder-uri.h"
