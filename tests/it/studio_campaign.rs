//! Whole campaigns in the studio, in Chromium: 发布 with a key typed in the page, and a
//! campaign taken from an empty folder and three units' zips to a showcase deployed on moto's
//! S3 server, without a terminal.

use crate::browser::{open_screen, type_into, Window, LAPTOP, OVERFLOW_CHECK};
use crate::deploy::{objects, published, published_from, site, Moto, KEY_ID, SECRET};
use crate::studio::Studio;
use crate::studio_receive::form;
use crate::support::*;
use std::io::Write;
use std::path::Path;

/// Every file under `dir` (hidden folders included) holding `secret`.
pub fn files_holding(dir: &Path, secret: &str) -> Vec<String> {
    tree(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(secret.len()).any(|w| w == secret.as_bytes()))
        .map(|(path, _)| path)
        .collect()
}

/// On 生成与发布: the key typed, the plan asked for and confirmed; waits until published.
fn publish_with_typed_key(window: &Window) {
    window.expect(
        "!!document.getElementById('deploy-plan') && !document.querySelector('.deploy-keys').hidden",
        "the deploy's part asks for the key",
    );
    type_into(window, "deploy-key-id", KEY_ID);
    type_into(window, "deploy-secret", SECRET);
    window.run("document.getElementById('deploy-plan').click()");
    window.expect(
        "(document.getElementById('deploy-summary') || {}).textContent?.startsWith('发布计划') && !document.getElementById('deploy-confirm').hidden",
        "the plan, and the button that confirms it",
    );
    window.screenshot("studio-deploy-plan");
    window.run("document.getElementById('deploy-confirm').click()");
    window.expect(
        "(document.getElementById('deploy-summary') || {}).textContent?.startsWith('已发布')",
        "published",
    );
    assert_eq!(
        window.js("document.getElementById('deploy-key-id').value + document.getElementById('deploy-secret').value"),
        "",
        "the key is cleared from the page once used"
    );
}

#[test]
fn the_studio_publishes_to_s3_with_a_key_typed_in_the_page() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let site = site(&moto.endpoint(), "kx-site", "");
    let studio = Studio::start(&site);
    let Some(window) = Window::open(LAPTOP) else {
        return;
    };
    window.visit(&studio.url);
    open_screen(
        &window,
        "publish",
        "!!document.getElementById('deploy-plan')",
    );
    publish_with_typed_key(&window);
    let done = window.js("document.getElementById('deploy-summary').textContent");
    let files = published(&site).len();
    assert!(
        done.as_str()
            .unwrap()
            .contains(&format!("上传 {files} 个文件")),
        "{done}"
    );
    assert_eq!(objects(&moto.boto("dump", "kx-site")), published(&site));
    assert_eq!(files_holding(site.root(), SECRET), Vec::<String>::new());
    assert_eq!(window.js(OVERFLOW_CHECK), serde_json::json!([]));
    window.screenshot("studio-deploy-done");
    assert_eq!(window.take_errors(), Vec::<String>::new());
}

/// A unit's zip: for each nominee (folder, form), the form, a 二寸 portrait and three photos.
fn unit_zip(path: &Path, nominees: &[(&str, &str)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (n, (folder, form_file)) in nominees.iter().enumerate() {
        let shade = 40 * n as u8;
        let mut entries = vec![
            (format!("{folder}/推荐表.docx"), form(form_file)),
            (
                format!("{folder}/证件照.jpg"),
                jpeg(413, 579, [shade, 80, 120]),
            ),
        ];
        for i in 1..=3u8 {
            let photo = jpeg(1600, 1067, [shade, 50 * i, 60]);
            entries.push((format!("{folder}/工作照{i}.jpg"), photo));
        }
        for (name, bytes) in entries {
            zip.start_file(name, options).unwrap();
            zip.write_all(&bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}

#[test]
fn a_campaign_goes_from_an_empty_folder_and_three_units_zips_to_a_deployed_showcase() {
    let Some(moto) = Moto::start() else {
        return;
    };
    // The folder as a double-clicked laurel.exe leaves it after its 「是」: `init --empty`.
    let made = tempfile::tempdir().unwrap();
    let root = made.path().join("最美科技工作者");
    let init = laurel(&["init", "--empty", root.to_str().unwrap()]);
    assert!(init.status.success(), "{}", stderr(&init));
    let zips = tempfile::tempdir().unwrap();
    let units = [
        (
            "城区科协.zip",
            vec![
                ("王芳", "inline-colon.docx"),
                ("赵建国", "story-after-table.docx"),
            ],
        ),
        ("市农科院.zip", vec![("王建华", "national-grid.docx")]),
        ("市第一中学.zip", vec![("阿依古丽", "retyped.docx")]),
    ];
    let zip_paths: Vec<String> = units
        .iter()
        .map(|(file, nominees)| {
            let path = zips.path().join(file);
            unit_zip(&path, nominees);
            path.to_string_lossy().into_owned()
        })
        .collect();
    let studio = Studio::start_at(&root);
    let Some(window) = Window::open(LAPTOP) else {
        return;
    };
    window.visit(&studio.url);
    // 设置: where the site is published (no key: that is asked for when publishing).
    open_screen(
        &window,
        "settings",
        "!!document.getElementById('add-target')",
    );
    window.run("document.getElementById('add-target').click()");
    for (part, value) in [
        ("name", "oss".to_string()),
        ("kind", "s3".to_string()),
        ("endpoint", moto.endpoint()),
        ("bucket", "kx-site".to_string()),
        ("prefix", "zuimei/".to_string()),
    ] {
        type_into(&window, &format!("target-0-{part}"), &value);
    }
    window.run("document.getElementById('settings-save').click()");
    window.expect(
        "document.getElementById('settings-state').textContent === '已保存'",
        "the target saved",
    );
    // 接收材料: the three zips at once, the plan, then the import.
    open_screen(
        &window,
        "receive",
        "!!document.getElementById('receive-files')",
    );
    let input = window.tab.wait_for_element("#receive-files").unwrap();
    let chosen: Vec<&str> = zip_paths.iter().map(String::as_str).collect();
    input.set_input_files(&chosen).unwrap();
    window.expect(
        "document.querySelectorAll('#plan .plan-candidate').length === 4",
        "the plan names the four nominees of the three units",
    );
    window.run("document.getElementById('receive-confirm').click()");
    window.expect(
        "document.querySelectorAll('#imported .nominee-link').length === 4",
        "all four imported",
    );
    // 生成与发布: check's verdict above, then build, then publish with the key typed in.
    open_screen(&window, "publish", "!!document.getElementById('build')");
    window.expect(
        "/^检查发现 \\d+ 错误 · \\d+ 提醒/.test(document.getElementById('publish-check')?.textContent)",
        "what check found, said before building",
    );
    window.run("document.getElementById('build').click()");
    window.expect(
        "!!document.getElementById('build-summary') && !document.getElementById('deploy-not-built')",
        "built, and the deploy's part no longer says it is not",
    );
    publish_with_typed_key(&window);
    let bucket = moto.boto("dump", "kx-site");
    let public = root.join("public");
    assert_eq!(
        objects(&bucket),
        published_from(&public),
        "the bucket holds the built site"
    );
    let index = std::fs::read_to_string(public.join("index.html")).unwrap();
    for name in ["王芳", "赵建国", "王建华", "阿依古丽"] {
        assert!(index.contains(name), "{name} on the showcase's first page");
    }
    assert_eq!(files_holding(&root, SECRET), Vec::<String>::new());
    assert_eq!(window.take_errors(), Vec::<String>::new());
}

#[test]
fn a_build_stopped_half_way_builds_again_and_the_publicity_phase_publishes_only_the_publicity() {
    let site = crate::studio_settings::commented_site();
    // Nominees with large photos, so that the images take a while.
    for (n, name) in ["张一", "王二", "赵三", "钱四"].iter().enumerate() {
        site.laureate(name, "organization: 市科协\n", "故事。\n", 0);
        for i in 1..=4u8 {
            let photo = format!("content/laureates/{name}/photos/{name}{i}.jpg");
            site.write_bytes(&photo, &jpeg(1600, 1200, [30 * n as u8, 60 * i, 90]));
        }
    }
    let studio = Studio::start(&site);
    let Some(window) = Window::open(LAPTOP) else {
        return;
    };
    window.visit(&studio.url);
    open_screen(&window, "publish", "!!document.getElementById('build')");
    window.run("document.getElementById('build').click()");
    window.expect(
        "/图片 [1-9]/.test(document.getElementById('build-progress').textContent)",
        "the images begun",
    );
    window.run("document.getElementById('stop').click()");
    window.expect(
        "document.getElementById('build-progress').dataset.state === 'stopped'",
        "stopped",
    );
    let said = window.js("document.querySelector('#build-result h3').textContent");
    assert_eq!(said, "已停止生成，上次生成的网站保持不变");
    assert!(!site.public().exists(), "no half-built public/");
    window.run("document.getElementById('build').click()");
    window.expect(
        "document.getElementById('build-progress').dataset.state === 'done'",
        "built the second time",
    );
    assert!(site.public().join("laureates").is_dir());
    // 公示: switched on 阶段与年度, then built: only the 公示 is published.
    let publicity = "document.querySelector('.phase[data-phase=\"publicity\"]')";
    open_screen(&window, "phases", &format!("!!{publicity}"));
    window.run(&format!(
        "{publicity}.querySelector('button.switch').click()"
    ));
    window.expect(
        "document.querySelector('.phase.current')?.dataset.phase === 'publicity'",
        "the 公示 is the phase now",
    );
    open_screen(&window, "publish", "!!document.getElementById('build')");
    window.run("document.getElementById('build').click()");
    window.expect(
        "document.getElementById('build-progress').dataset.state === 'done'",
        "the 公示 built",
    );
    let index = std::fs::read_to_string(site.public().join("index.html")).unwrap();
    assert!(index.contains("公示") && index.contains("王芳"), "{index}");
    assert!(
        !site.public().join("laureates").exists(),
        "no profile pages in the 公示"
    );
    assert_eq!(window.take_errors(), Vec::<String>::new());
}

#[test]
fn a_private_value_of_several_lines_survives_an_edit_of_the_private_data() {
    let site = crate::studio::two_nominees();
    let profile = site.root().join("content/laureates/李强/profile.yaml");
    std::fs::write(
        &profile,
        "name: 李强\ngender: 男\nprivate:\n  phone: '13800001111'\n  opinion: |\n    同意推荐。\n    （盖章）\n    2022年4月15日\n",
    )
    .unwrap();
    let studio = Studio::start(&site);
    let Some(window) = Window::open(LAPTOP) else {
        return;
    };
    window.visit(&studio.url);
    window.run("location.hash = '#/nominee/' + encodeURIComponent('李强')");
    let field = "document.getElementById('field-private')";
    window.expect(&format!("!!{field}"), "his form");
    let shown = window.js(&format!("{field}.value"));
    assert_eq!(
        shown,
        "opinion（推荐单位意见）：同意推荐。\n  （盖章）\n  2022年4月15日\nphone（联系电话）：13800001111",
        "the known keys named, the opinion's lines kept"
    );
    type_into(
        &window,
        "field-private",
        &format!("{}\n电子邮箱：li@example.org", shown.as_str().unwrap()),
    );
    window.run("document.getElementById('save').click()");
    window.expect(
        "document.getElementById('save-state').textContent === '已保存'",
        "saved",
    );
    let saved: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&profile).unwrap()).unwrap();
    assert_eq!(
        saved["private"]["opinion"], "同意推荐。\n（盖章）\n2022年4月15日\n",
        "the opinion's three lines, as they were"
    );
    assert_eq!(saved["private"]["phone"], "13800001111");
    assert_eq!(saved["private"]["电子邮箱"], "li@example.org");
    assert_eq!(window.take_errors(), Vec::<String>::new());
}
