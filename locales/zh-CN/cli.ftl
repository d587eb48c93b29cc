# 命令行自己的话（简体中文）。

report-legend = { $error }须在推荐材料报送前改正；{ $warning }建议看一看。
severity-error = 错误
severity-warning = 提醒
report-campaign = 全部推荐
report-fix = 改法：{ $fix }
report-errors = { $count } 处错误
report-warnings = { $count } 处提醒
report-group-total = { $heading }：{ $errors }，{ $warnings }
report-total = 共检查 { $laureates } 位人选{ $unloaded ->
    [0] {""}
   *[other] （{ $unloaded } 位未能读取）
}：{ $errors }，{ $warnings }
