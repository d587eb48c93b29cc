# init、new、serve、deploy、export、review 说的话，以及命令行自己的错误（简体中文）。

cli-error = 错误：{ $text }
cli-hint = 提示：{ $text }
cli-bad-date = 「{ $text }」不是日期，请写成 YYYY-MM-DD
cli-no-site = { $root } 中没有 { $file }
cli-no-site-hint = 请在网站文件夹中运行，或用 `--root` 指明网站文件夹，或用 `laurel init 文件夹` 新建网站
cli-no-year = 网站没有 { $year } 年度：{ $has }
cli-year-single = 只有 { $year } 年度（site.yaml 的 campaign.year）
cli-no-year-hint = 多年度的网站把每一年放在 content/<年度>/laureates/ 中

progress-template = { $label } { $bar } { $done }/{ $all }（还需 { $eta }）
progress-images = 图片
progress-uploads = 上传

init-done = 已在 { $dir } 新建网站。生成网站：`laurel build --root { $dir }`
init-done-empty = 已在 { $dir } 新建网站。请先填写 site.yaml，再添加第一位人选：`laurel new 姓名 --root { $dir }`
new-done = 已建好 { $folder }：请填写 profile.yaml 和 story.md，并放入照片。

check-rename = 改名 { $from } → { $to }
check-rename-failed = { $name } 的照片改名失败：{ $error }
check-renamed = 已改名 { $count } 个文件

serve-open-to-network = 在 { $address } 上预览，网络中的其他设备也能打开；用完请按 Ctrl-C 停止
serve-serving = 预览地址 { $url }（按 Ctrl-C 停止）
serve-first-build = 首次生成
serve-files = { $count } 个文件
serve-rebuilt = { $what }：已重新生成{ $done }，用时 { $millis } 毫秒
serve-failed = { $what }：生成失败，预览的仍是上一次生成的网站
serve-no-browser = 无法打开浏览器（{ $opener }），请自己打开 { $url }

deploy-new = 新增
deploy-changed = 改动
deploy-delete = 删除
deploy-done = { $dry_run ->
    [yes] 试运行，「{ $target }」上什么也没有改：将上传 { $uploaded } 个文件（{ $bytes }），{ $unchanged } 个不变，将删除 { $deleted } 个
   *[no] 已发布到「{ $target }」：上传 { $uploaded } 个文件（{ $bytes }），{ $unchanged } 个不变，删除 { $deleted } 个
}；共 { $requests } 次请求，用时 { $seconds } 秒

export-bad-format = { $file }：laurel 只能导出 .xlsx（Excel）或 .csv，不能导出 .{ $ext }
export-bad-format-hint = 文件名请以 .xlsx 或 .csv 结尾，如 推荐人选汇总表.xlsx
export-done = 已写入 { $file }（{ $count } 位人选）。内含联系方式等个人信息，请勿发布。
export-left-out = 提示：{ $count } 个文件夹无法读取，未列入：{ $names }。原因请运行 `laurel check` 查看。
export-dossier-done = 已写入评审材料：{ $file }（{ $count } 名推荐人选：入选 { $selected }，未入选 { $not_selected }，待定 { $nominated }），每人一页另存于 { $folder }。
export-dossier-private = 不含联系方式和身份证号；仅供评审，请勿发布。
export-joint-done = 已写入联审信息表：{ $file }（{ $count } 名入选人员）。内含身份证号等个人信息，仅供联审使用，请勿外传。
export-province-done = 已写入报省材料：{ $file }（{ $count } 名推荐省级人选：{ $names }；每人推荐表、照片、视频，另附汇总表）。内含联系电话和身份证号，请勿发布。
export-province-small = 提示：{ $count } 张照片小于通知要求的 2MB（原图如此，laurel 不放大）；如有更大的原图，请向推荐单位索取。

review-wrote = 已写入 { $file }
review-select-wrote = 已写入 { $count } 份 profile.yaml
review-select-dry = 未写入任何文件：确认无误后加 `--yes` 再运行

init-exists = 这里已经有一个网站
init-exists-hint = 换一个新的文件夹名，如 `laurel init 最美科技工作者`
init-cannot-create = 无法新建网站：{ $error }
new-bad-name = 「{ $name }」不能作为文件夹名
new-bad-name-hint = 请写人选姓名，如 `laurel new 张三`
new-exists = 这位人选的文件夹已经存在
new-exists-hint = 直接修改其中的 profile.yaml，或换一个名字
new-cannot-create = 无法创建：{ $error }

serve-what-static = 无需重新生成（静态文件直接从磁盘读取）
serve-what-pages = { $count } 个页面
serve-what-site = 整个网站的 { $count } 个页面和资源文件
serve-what-nothing = 无
serve-cannot-open = 无法打开网站文件夹：{ $error }
serve-cannot-listen = 无法在 { $address } 上监听：{ $error }
serve-cannot-listen-hint = 用 `--port` 换一个端口，如 `--port 8080`
serve-cannot-watch = 无法监视网站文件的改动：{ $error }
serve-stopped = 预览服务不再接受连接

deploy-nothing-built = 还没有生成网站，无可发布
deploy-nothing-built-hint = 请先运行 `laurel build`；发布的是 public/ 的现状
operation-stopped = 已按要求停止
operation-stopped-hint = 停止的生成不会替换上次生成的网站；停止的发布下次发布时会补齐；可以随时重新开始
deploy-no-targets = site.yaml 中没有发布目标
deploy-no-targets-hint = 添加 `deploy:` 列表，写一个 s3 或 folder 目标（见 README「laurel deploy」）
deploy-several-targets = site.yaml 中有多个发布目标（{ $names }）
deploy-several-targets-hint = 写明发布到哪一个：`laurel deploy <名称>`
deploy-no-such-target = 没有名为「{ $name }」的发布目标
deploy-no-such-target-hint = 现有的发布目标：{ $names }
deploy-cannot-read = 无法读取：{ $error }
deploy-too-many-deletions = 这次发布要从「{ $target }」删除 { $count } 个文件，超过了它的 max_deletes（{ $max }）；什么也没有改
deploy-too-many-deletions-hint = 先用 `laurel deploy --dry-run` 确认 public/ 是要发布的网站，再加 `--force` 运行（或调高 max_deletes）
deploy-bad-endpoint = 发布目标「{ $target }」：endpoint「{ $endpoint }」不是网址
deploy-bad-endpoint-hint = 例如 endpoint: https://oss-cn-beijing.aliyuncs.com
deploy-bad-bucket = 发布目标「{ $target }」：{ $error }
deploy-bad-bucket-hint = 请检查 endpoint、bucket 和 region
deploy-no-credentials = 发布目标「{ $target }」需要访问密钥
deploy-no-credentials-hint = 在环境变量中设置 LAUREL_DEPLOY_ACCESS_KEY_ID 和 LAUREL_DEPLOY_SECRET_ACCESS_KEY（不要写进 site.yaml）
deploy-tried = { $error }（已试 { $times } 次）
deploy-failed = 发布到「{ $target }」时{ $what }失败：{ $error }
deploy-failed-hint = 已发布的页面照常可用；再运行一次发布即可完成
deploy-reading-manifest = 读取文件清单
deploy-listing = 列出存储桶中的文件
deploy-uploading = 上传 { $path }
deploy-deleting = 删除 { $path }
deploy-no-path = 发布目标「{ $target }」没有写 path
deploy-no-path-hint = 给文件夹目标写上 `path:`，如 /srv/www/zuimei
deploy-cannot-swap = 无法换上新的网站文件：{ $error }
deploy-cannot-copy = 无法复制到 { $to }：{ $error }
deploy-cannot-write-manifest = 无法写入文件清单：{ $error }

export-unknown-format = 不认识的导出格式
export-unknown-format-hint = 文件名请以 .xlsx（Excel）或 .csv 结尾
export-cannot-write-summary = 无法写入汇总表：{ $error }
export-cannot-write-dossier = 无法写入评审材料：{ $error }
export-cannot-write-photo = 无法写入照片：{ $error }
export-cannot-write-joint = 无法写入联审信息表：{ $error }
export-no-id-number = { $name } 缺少身份证号，联审信息表中此格为空
export-no-id-number-under-private = 在这一行 private: 下加一行  id_number: "18位身份证号"
export-no-id-number-no-private = 在文件末尾加上 private: 一行，其下加  id_number: "18位身份证号"
export-into-published = 评审材料含个人信息，不能写入发布目录 { $folder }/
export-into-published-hint = 换一个目录，例如 review/ 下（默认即是）
export-no-photo = 未能生成照片
export-no-province-picks = 没有推荐参加省级评选的人选
export-no-province-picks-hint = 在入选者（status: selected）的 profile.yaml 中写 province_pick: true
export-cannot-write-province = 无法写入报省材料：{ $error }
export-cannot-read = 无法读取：{ $error }
export-cannot-make-form = 无法生成推荐表：{ $error }
