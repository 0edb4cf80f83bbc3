/* The shareable score card: drawn on a canvas with the phone's own fonts (no web font, no CDN)
 * from the JSON the page embeds (#score-card-data: contest, score, rank, QR matrix from the
 * server; #score-card-labels: the translated labels), and saved as a PNG by "保存成绩卡".
 * ES5 (old Android WebViews, WeChat). */
(function () {
  "use strict";
  var W = 720, H = 1080;
  var FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", ' +
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
  var NAVY = "#0b1f3a", BLUE = "#1f5fae", GOLD = "#c8962e";

  function json(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function font(ctx, size, weight) { ctx.font = (weight || "normal") + " " + size + "px " + FONT; }

  /** Lines of ``text`` no wider than ``width``: Chinese breaks between any two characters. */
  function wrap(ctx, text, width, maxLines) {
    var lines = [], line = "", i;
    for (i = 0; i < text.length; i += 1) {
      if (line && ctx.measureText(line + text[i]).width > width) { lines.push(line); line = ""; }
      line += text[i];
    }
    if (line) { lines.push(line); }
    if (lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      lines[maxLines - 1] = lines[maxLines - 1].slice(0, -1) + "…";
    }
    return lines;
  }

  function centred(ctx, text, y) { ctx.fillText(text, W / 2, y); }

  function drawQr(ctx, rows, x, y, size) {
    var n = rows.length, quiet = 4, cell = size / (n + 2 * quiet), r, c;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(x, y, size, size);
    ctx.fillStyle = NAVY;
    for (r = 0; r < n; r += 1) {
      for (c = 0; c < rows[r].length; c += 1) {
        if (rows[r].charAt(c) === "1") {
          // Whole pixels with a hair of overlap: no light seams between dark modules.
          ctx.fillRect(Math.floor(x + (c + quiet) * cell), Math.floor(y + (r + quiet) * cell),
            Math.ceil(cell) + 0.5, Math.ceil(cell) + 0.5);
        }
      }
    }
  }

  function draw(canvas, card, t) {
    var ctx = canvas.getContext("2d"), y, lines, i;
    ctx.fillStyle = "#f7f9fc";
    ctx.fillRect(0, 0, W, H);
    var band = ctx.createLinearGradient(0, 0, W, 360);
    band.addColorStop(0, NAVY);
    band.addColorStop(1, BLUE);
    ctx.fillStyle = band;
    ctx.fillRect(0, 0, W, 360);
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";

    ctx.fillStyle = "#cfe0f5";
    font(ctx, 28);
    centred(ctx, card.event || t.kicker, 70);
    ctx.fillStyle = "#ffffff";
    font(ctx, 44, "bold");
    lines = wrap(ctx, card.title, W - 96, 2);
    for (i = 0; i < lines.length; i += 1) { centred(ctx, lines[i], 136 + i * 56); }
    font(ctx, 32);
    centred(ctx, card.name, 136 + lines.length * 56 + 24);

    // The score, large, on a white panel across the band's edge.
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(60, 280, W - 120, 300);
    ctx.strokeStyle = "#dde6f1";
    ctx.lineWidth = 2;
    ctx.strokeRect(60, 280, W - 120, 300);
    ctx.fillStyle = "#5b6b80";
    font(ctx, 28);
    centred(ctx, t.score, 336);
    ctx.fillStyle = NAVY;
    font(ctx, 120, "bold");
    var scoreWidth = ctx.measureText(card.score).width;
    font(ctx, 40, "bold");
    var unitWidth = ctx.measureText(t.points).width;
    var left = (W - scoreWidth - unitWidth - 8) / 2;
    ctx.textAlign = "left";
    font(ctx, 120, "bold");
    ctx.fillText(card.score, left, 460);
    font(ctx, 40, "bold");
    ctx.fillText(t.points, left + scoreWidth + 8, 460);
    ctx.textAlign = "center";
    ctx.fillStyle = "#5b6b80";
    font(ctx, 26);
    centred(ctx, t.max, 510);
    ctx.fillStyle = GOLD;
    font(ctx, 30, "bold");
    centred(ctx, t.award, 556);

    y = 640;
    if (card.rank) {
      ctx.fillStyle = "#5b6b80";
      font(ctx, 28);
      centred(ctx, t.rank, y);
      ctx.fillStyle = NAVY;
      font(ctx, 48, "bold");
      centred(ctx, t.rank_value + (t.total ? " / " + t.total : ""), y + 60);
    }

    var qrSize = 220;
    drawQr(ctx, card.qr, (W - qrSize) / 2, 760, qrSize);
    ctx.fillStyle = "#5b6b80";
    font(ctx, 24);
    centred(ctx, t.scan + (card.date ? " · " + card.date : ""), 1016);
    font(ctx, 22);
    centred(ctx, t.code + " " + card.code, 1050);
  }

  function save(canvas, name) {
    var link = document.createElement("a");
    link.download = name;
    function go(href) {
      link.href = href;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
    }
    if (canvas.toBlob && window.URL && URL.createObjectURL) {
      canvas.toBlob(function (blob) {
        var url = URL.createObjectURL(blob);
        go(url);
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      }, "image/png");
    } else {
      go(canvas.toDataURL("image/png"));
    }
  }

  function init() {
    var canvas = document.getElementById("score-card-canvas");
    var card = json("score-card-data"), labels = json("score-card-labels");
    var button = document.getElementById("score-card-save");
    if (!canvas || !card || !labels || !canvas.getContext) { return; }
    canvas.width = W;
    canvas.height = H;
    draw(canvas, card, labels);
    canvas.setAttribute("data-drawn", "1");
    if (button) {
      button.disabled = false;
      button.addEventListener("click", function () {
        save(canvas, labels.file + "-" + card.title + ".png");
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
