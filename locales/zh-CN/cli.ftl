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

failed-with-count = { $what }（{ $count } 个问题）
failed-build = 生成失败，上一次生成的网站保持原样
failed-init = 未能创建网站
failed-new = 未能添加人选
failed-review-load = 推荐人选没有全部读入
failed-review = 评审命令未完成
failed-serve-start = 未能启动预览服务
failed-serve-stopped = 预览服务已停止
failed-deploy = 发布已停止
failed-export = 导出失败
failed-site-yaml = 无法读取 site.yaml
build-done = 已生成 { $laureates } 位人选的网站：{ $pages } 个页面和资源文件、{ $media } 个图片视频文件，写入 { $output }，用时 { $seconds } 秒
build-up-to-date = 自上次生成以来没有改动：{ $output } 已是最新（{ $laureates } 位人选；检查用时 { $seconds } 秒）

warning-line = 提醒：{ $text }
