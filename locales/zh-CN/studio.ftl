# laurel studio：浏览器中的评选工作台（简体中文）。
# 没有参数的消息也供工作台的页面脚本使用（/api/messages）。

studio-title = 评选工作台
studio-started = 在浏览器中打开上面的地址即可编辑（地址含本次的密钥，请勿外传）；按 Ctrl-C 停止工作台。
studio-refused-host = 拒绝访问：这不是本机 laurel 工作台的地址
studio-refused-secret = 拒绝访问：请用 laurel studio 显示的完整地址（含 key=…）打开工作台
studio-refused-write = 拒绝修改：只有工作台自己的页面可以保存
studio-too-large = 内容太大：最多 { $limit } MB
studio-loading = 正在读取评选资料…
studio-load-failed = 无法读取评选资料，请查看运行 laurel studio 的窗口
studio-nominees = 推荐人选
studio-selected = 入选
studio-province = 报省
studio-young = 青年
studio-young-note = 青年占比不低于
studio-findings-total = 检查结果
studio-errors = 错误
studio-warnings = 提醒
studio-clean = 无问题
studio-search = 搜索姓名、单位、推荐单位
studio-all-categories = 全部类别
studio-all-states = 全部状态
studio-only-errors = 有错误
studio-only-warnings = 只有提醒
studio-only-clean = 无问题
studio-none-match = 没有符合条件的推荐人选
studio-no-nominees = 还没有推荐人选
studio-no-portrait = 缺二寸照
studio-unloaded = 资料无法读取
studio-status-nominated = 推荐
studio-status-selected = 入选
studio-status-not-selected = 未入选
studio-young-mark = 青年
studio-units = 各推荐单位名额
studio-unit-over = 超出名额
studio-campaign-findings = 全局问题
studio-no-campaign-findings = 没有全局问题
studio-fix = 修改办法
studio-shown = 显示
studio-of = 共
studio-reload = 重新检查
studio-failed-start = 未能启动工作台
studio-failed-stopped = 工作台已停止
studio-new = 新增推荐人选
studio-new-name = 姓名
studio-new-add = 新增
studio-new-done = 已新增，请在 profile.yaml 和 story.md 中填写资料
