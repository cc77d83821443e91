#pragma once

#include <string>
#include <string_view>

namespace rxdesk::originals {

/// A patient's initials in Latin letters (Hepburn) from the kana name, for documents that
/// leave the pharmacy (the chase letter to a clinic): 「ヤマダ　タロウ」→ "Y.T.",
/// 「しみず はなこ」→ "S.H.", 「ﾁﾊﾞ ｼﾞﾛｳ」→ "C.J.". One initial per space-separated part
/// (ASCII or ideographic space). Parts that do not start with kana are skipped; returns ""
/// when no part does. Never returns anything but ASCII letters and dots.
std::string patientInitials(std::string_view kana_name);

}  // namespace rxdesk::originals
