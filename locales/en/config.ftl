# What laurel says about site.yaml and a year's campaign.yaml (English).

criteria-empty = campaign.review.criteria is empty
    .fix = list at least one criterion, e.g. `- {"{"}name: 业绩突出, weight: 0.4, max: 100{"}"}`
criterion-weight = the weight { $weight } of criterion { $name } is not above 0
    .fix = give each criterion a weight above 0, e.g. 0.4
criterion-max = the max { $max } of criterion { $name } is not above 0
    .fix = e.g. `max: 100`
criterion-name = criterion `{ $name }` is empty or named twice
    .fix = give each criterion its own name: it is the heading of its column
judges-unnamed = campaign.review.judges { $judges }: each judge needs a name of their own
    .fix = a count (`judges: 5`) or names without / \ : * ? " < > |, each once
trimmed-mean-judges = trimmed_mean drops the highest and lowest total, which needs at least 3 judges, not { $count }
    .fix = add judges, or use `method: mean`
campaign-year-differs = year { $written } differs from the folder's year { $folder }
    .fix = each year's campaign.yaml sits in the folder named by its year: fix the year or move the file
base-url-invalid = base_url `{ $url }` is not an absolute URL
    .fix = write it as https://example.org/path/ or leave it empty
wechat-app-id = wechat.app_id `{ $id }` is not a WeChat AppID
    .fix = copy the AppID (it starts with wx) from the official account's settings
wechat-signature-url = wechat.signature_url `{ $url }` is not an https:// URL
    .fix = the JS-SDK needs the signing endpoint over HTTPS, e.g. https://example.org/wx/sign
image-widths = image widths { $widths } and thumbnail { $thumbnail } must be 16–8192
    .fix = e.g. widths: [480, 960, 1600]
webp-effort = webp_effort { $effort } is outside 0–6
    .fix = 4 is libwebp's default; 2 encodes about twice as fast
image-quality = { $key } { $quality } is outside 1–100
    .fix = 80 is a good default
footer-form = footer.{ $key } `{ $value }` is not in the registry's form
    .fix = { $key ->
        [icp] write it as on MIIT's registry, e.g. 冀ICP备12345678号-1
        [police] write it as on the certificate, e.g. 冀公网安备13110202000123号 (14 digits)
       *[site_code] the 网站标识码 has 10 digits, e.g. 1311000001
    }
publicity-missing = campaign.publicity.{ $key } is not set: the 公示 page lacks { $key ->
        [start] the first day of the 公示 period
        [end] the last day of the period
        [phone] a telephone number for objections
        [email] an e-mail address for objections
       *[address] a postal address for written objections
    }
    .fix = add it under campaign.publicity in site.yaml (see README「公示」)
