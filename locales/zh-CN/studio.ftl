# laurel studio：浏览器中的评选工作台（简体中文）。
# 没有参数的消息也供工作台的页面脚本使用（/api/messages）。

studio-title = 评选工作台
studio-site = 预览网站
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

# 照片与视频（photos.js）
studio-media-title = 照片与视频
studio-media-back = ← 返回全部推荐人选
studio-media-drop = 把照片或视频拖到这里，或点击选择（可多选；JPEG、PNG、HEIC、MP4、MOV）
studio-media-choose = 选择文件
studio-media-uploading = 正在上传，共
studio-images-making = 正在生成网站用的图片
studio-images-made = 网站用的图片已生成
studio-images-failed = 张未能生成，原因见检查结果
studio-media-portrait = 二寸照（姓名0）
studio-media-photos = 生活工作照
studio-media-videos = 视频
studio-media-limit-photos = 照片张数
studio-media-each-at-least = 张，每张至少
studio-media-limit-portrait = 二寸照
studio-media-width-at-least = 宽至少
studio-media-limit-videos = 视频
studio-media-at-most = 最长
studio-media-or = 或
studio-media-limit-upload = 单个文件上传上限（照片 / 视频）
studio-media-unreadable = 无法读取时长和尺寸
studio-goto-field = 去修改
studio-goto-media = 去照片与视频
studio-in-site-yaml = 在 site.yaml 中修改（用文本编辑器打开）
studio-story-pasted-image = 粘贴的图片
studio-story-images-went = 图片已放入照片（正文只留文字）
studio-media-poster = 海报
studio-media-caption = 图说
studio-media-up = 前移
studio-media-down = 后移
studio-media-make-portrait = 设为二寸照
studio-media-original = 原文件名
studio-media-focus = 点击照片设定焦点：网站的裁切以它为中心
studio-media-video-title = 视频标题
studio-media-saving = 正在保存…
studio-media-saved = 已保存到 profile.yaml
studio-media-conflict = profile.yaml 在别处被改过，没有保存：请刷新本页，读取新内容后再改
studio-upload-kind = 不能上传“{ $name }”：只收 JPEG、PNG、HEIC 照片和 MP4、MOV 视频
studio-upload-too-large = 文件太大：最多 { $limit } MB
studio-upload-failed = 保存上传的文件失败：{ $why }
studio-upload-unreadable = “{ $name }”无法读取，没有保存：{ $why }
studio-no-secret = 无法为本次会话生成密钥：{ $error }
studio-stopped = 工作台不再接受连接
studio-conflict = 这个文件在工作台读取之后被改过（可能是在别的编辑器里改的，或重新导入过）：请在两个版本中选择一个
studio-not-writable = 工作台不能修改这个文件：只能修改 content/ 下的资料和 site.yaml
studio-not-found = 没有找到：地址不对，或这个文件、这位推荐人选已不在
studio-method-not-allowed = 工作台不接受这种请求
studio-bad-request = 请求的内容不对，请刷新页面后重试
studio-no-history = 没有可以恢复的早先版本
studio-cannot-write = 无法保存：{ $reason }
studio-unknown-field = 表单里没有这一项：{ $key }
studio-preview-unloaded = 资料无法读取，暂时不能预览：请先改正标红的项
studio-status = { $status ->
        [nominated] 推荐
        [selected] 入选
       *[not_selected] 未入选
    }
studio-field = { $key ->
        [name] 姓名
        [gender] 性别
        [birth] 出生年月
        [organization] 工作单位
        [title] 职称
        [position] 职务
        [field] 从事领域
        [region] 所在县市区
        [category] 类别
        [channel] 推荐渠道
        [recommender] 推荐单位
        [identity] 身份
        [status] 评选状态
        [decided_by] 决定人
        [decided_on] 决定日期
        [province_pick] 推荐参加省级评选
        [consent] 本人同意公开的日期
        [honors] 荣誉
        [quote] 寄语
        [summary] 简要事迹
        [private] 隐私资料
       *[other] { $key }
    }
studio-choose = （请选择）
studio-one-per-line = 每行一项
studio-private-example = 每行一项，例如 电话：13800000000
studio-required = 必填
studio-section-person = 基本信息
studio-section-nomination = 推荐与评选
studio-section-deeds = 事迹与荣誉
studio-section-private = 隐私资料（不公开）
studio-private-note = 这里的内容只供 laurel export 导出报送材料，绝不会出现在网站、预览和海报上。
studio-unsaved = 有未保存的修改
studio-saving = 正在保存…
studio-saved = 已保存
studio-took-theirs = 已采用磁盘上的版本
studio-conflict-title = 文件已在别处被修改
studio-conflict-mine = 工作台里的版本（我的修改）
studio-conflict-theirs = 磁盘上的版本（别处的修改）
studio-keep-mine = 用我的版本
studio-take-theirs = 用磁盘上的版本
studio-nothing-to-undo = 没有可以撤销的修改
studio-undone = 已撤销
studio-undo = 撤销
studio-save = 保存
studio-back = 总览
studio-history = 修改记录
studio-history-profile = 基本信息
studio-history-story = 事迹
studio-restore = 恢复到这一版
studio-restored = 已恢复
studio-story = 事迹全文（story.md）
studio-story-note = 用 Markdown 书写：空一行分段，## 开头是小标题。可以直接从 Word 或 WPS 粘贴；粘贴或拖进来的图片会放入照片，正文只留文字。
studio-preview = 预览
studio-preview-profile = 个人页面
studio-preview-card = H5 卡片
