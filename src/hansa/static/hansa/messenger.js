/* Trade messenger: live over the WebSocket, polling when the socket is unavailable.
 * Messages are plain text; they are inserted with textContent only, never as HTML. */
(function () {
  "use strict";
  // A message in another chat: that chat moves to the top of the list, with one more unread
  // (for the two people in it; readers along have no unread counts).
  function bumpListItem(m, me) {
    var chats = document.getElementById("chat-list");
    var item = chats && chats.querySelector('li[data-conversation="' + Number(m.conversation) + '"]');
    if (!item) { return; }
    chats.insertBefore(item, chats.firstElementChild);
    if (m.author_id === me || !item.dataset.participant) { return; }
    var link = item.querySelector("a");
    var badge = item.querySelector(".chat-count");
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "chat-count";
      badge.dataset.unread = "0";
      link.appendChild(badge);
    }
    var n = (Number(badge.dataset.unread) || 0) + 1;
    badge.dataset.unread = String(n);
    badge.textContent = String(n);
    badge.setAttribute("aria-label", n + " " + (chats.dataset.tUnread || "unread"));
  }

  // The messenger's home page (no chat open): only the list, kept current over the socket.
  function watchList(chats) {
    var me = Number(chats.dataset.me);
    if (!("WebSocket" in window) || !chats.dataset.wsPath) { return; }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(scheme + location.host + chats.dataset.wsPath);
    ws.addEventListener("open", function () { chats.dataset.live = "1"; });
    ws.addEventListener("close", function () { delete chats.dataset.live; });
    ws.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === "message") { bumpListItem(data, me); }
    });
  }

  var root = document.getElementById("chat");
  if (!root) {
    var onlyList = document.getElementById("chat-list");
    if (onlyList) { watchList(onlyList); }
    return;
  }
  var conversation = Number(root.dataset.conversation);
  var me = Number(root.dataset.me);
  var rightId = Number(root.dataset.right) || me;  // whose messages sit on the right
  var lastId = Number(root.dataset.last) || 0;
  var otherRead = Number(root.dataset.otherRead) || 0;
  var pollMs = (Number(root.dataset.pollSeconds) || 4) * 1000;
  var list = document.getElementById("chat-messages");
  var form = document.getElementById("composer");
  var errorBox = document.getElementById("chat-error");
  var mode = document.getElementById("chat-mode");
  var seen = document.getElementById("chat-seen");
  var typingBox = document.getElementById("chat-typing");
  var socket = null, live = false, pollTimer = null, pingTimer = null, retry = 0, typingTimer = null;
  var pending = {};  // client_id -> text, until acknowledged
  var csrf = form ? form.querySelector("input[name=csrfmiddlewaretoken]").value : "";
  var fmt = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
                                    {dateStyle: "short", timeStyle: "short"});

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }
  function scrollDown() { list.scrollTop = list.scrollHeight; }
  function showError(text) {
    if (!errorBox) { return; }
    errorBox.textContent = text || "";
    errorBox.hidden = !text;
  }
  function setMode(isLive) {
    live = isLive;
    if (mode) { mode.textContent = isLive ? root.dataset.tLive : root.dataset.tPolling; }
    root.classList.toggle("is-live", isLive);
  }
  function setPresence(online) {
    var box = document.getElementById("chat-presence");
    if (!box) { return; }
    box.classList.toggle("is-online", online);
    box.querySelector(".chat-dot").classList.toggle("chat-dot-on", online);
    box.querySelector(".chat-presence-text").textContent = online ? root.dataset.tOnline : root.dataset.tAway;
  }
  function updateSeen() {
    if (!seen) { return; }
    if (!root.dataset.canWrite) { return; }
    var mine = list.querySelectorAll(".chat-mine");
    var last = mine.length ? Number(mine[mine.length - 1].dataset.id) : 0;
    seen.hidden = !(last && otherRead >= last);
  }

  function render(m) {
    if (m.conversation !== conversation || document.getElementById("m" + m.id)) { return false; }
    var empty = document.getElementById("chat-empty");
    if (empty) { empty.remove(); }
    var li = document.createElement("li");
    li.className = "chat-msg" + (m.author_id === rightId ? " chat-mine" : "");
    li.dataset.id = m.id;
    li.id = "m" + m.id;
    var meta = document.createElement("p");
    meta.className = "chat-meta";
    var who = document.createElement("span");
    who.className = "chat-author";
    who.textContent = m.author;
    var when = document.createElement("time");
    when.dateTime = m.created_at;
    when.textContent = fmt.format(new Date(m.created_at));
    meta.append(who, " ", when);
    li.append(meta);
    if (m.body) {
      var body = document.createElement("p");
      body.className = "chat-body";
      body.textContent = m.body;
      li.append(body);
    }
    (m.files || []).forEach(function (f) {
      var p = document.createElement("p");
      p.className = "chat-file";
      var a = document.createElement("a");
      a.href = f.url;
      a.textContent = f.name;
      p.append(a);
      li.append(p);
    });
    list.append(li);
    if (typingBox && m.author_id !== me) { typingBox.textContent = ""; }
    if (m.id > lastId) { lastId = m.id; }
    if (m.client_id && pending[m.client_id]) { delete pending[m.client_id]; }
    scrollDown();
    return true;
  }

  function markRead() {
    if (!root.dataset.canWrite || document.hidden) { return; }
    if (live) {
      socket.send(JSON.stringify({type: "read", conversation: conversation, message_id: lastId}));
    } else {
      var data = new FormData();
      data.append("up_to", String(lastId));
      fetch(root.dataset.readUrl, {method: "POST", body: data, credentials: "same-origin",
        headers: {"X-CSRFToken": csrf}});
    }
  }

  function poll() {
    fetch(root.dataset.pollUrl + "?after=" + lastId, {credentials: "same-origin",
      headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var fresh = false;
        data.messages.forEach(function (m) {
          if (render(m) && m.author_id !== me) { fresh = true; }
        });
        setPresence(data.online);
        otherRead = data.other_read_id;
        updateSeen();
        if (fresh) { markRead(); }
      })
      .catch(function () {});
  }
  function startPolling() {
    setMode(false);
    if (!pollTimer) { pollTimer = window.setInterval(poll, pollMs); }
  }
  function stopPolling() {
    if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  function connect() {
    if (!("WebSocket" in window) || root.dataset.noSocket) { startPolling(); return; }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + location.host + root.dataset.wsPath);
    } catch (e) { startPolling(); return; }
    socket.addEventListener("open", function () {
      retry = 0;
      stopPolling();
      setMode(true);
      poll();  // anything sent while the socket was down
      pingTimer = window.setInterval(function () {
        if (socket.readyState === 1) { socket.send(JSON.stringify({type: "ping"})); }
      }, 25000);
    });
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === "message") {
        if (data.conversation !== conversation) { bumpListItem(data, me); return; }
        if (render(data) && data.author_id !== me) { markRead(); }
        updateSeen();
      } else if (data.type === "ack") {
        delete pending[data.client_id];
        if (data.client_id === form.dataset.sending) { finishSend(); }
      } else if (data.type === "error") {
        if (data.client_id && form && data.client_id === form.dataset.sending) {
          form.dataset.sending = "";
          showError(data.message);
        }
      } else if (data.type === "read" && data.conversation === conversation && data.user_id !== me) {
        otherRead = Math.max(otherRead, data.message_id);
        updateSeen();
      } else if (data.type === "presence") {
        setPresence(data.online);
      } else if (data.type === "typing" && data.conversation === conversation && typingBox) {
        typingBox.textContent = root.dataset.tTyping;
        window.clearTimeout(typingTimer);
        typingTimer = window.setTimeout(function () { typingBox.textContent = ""; }, 3000);
      }
    });
    socket.addEventListener("close", function () {
      window.clearInterval(pingTimer);
      socket = null;
      startPolling();
      retry += 1;
      if (retry <= 5) { window.setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, retry))); }
    });
  }

  function finishSend() {
    form.dataset.sending = "";
    form.reset();
    form.querySelector("input[name=client_id]").value = "";
    showError("");
  }

  if (form) {
    var textarea = form.querySelector("textarea");
    var files = form.querySelector("input[type=file]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var idField = form.querySelector("input[name=client_id]");
      if (!idField.value) { idField.value = uuid(); }  // kept until stored: resends are idempotent
      var clientId = idField.value;
      form.dataset.sending = clientId;
      showError("");
      if (live && socket && socket.readyState === 1 && !(files && files.files.length)) {
        pending[clientId] = textarea.value;
        socket.send(JSON.stringify({type: "send", conversation: conversation,
                                    body: textarea.value, client_id: clientId}));
        window.setTimeout(function () {
          if (form.dataset.sending === clientId) { form.dataset.sending = ""; showError(root.dataset.tFailed); }
        }, 10000);
        return;
      }
      fetch(root.dataset.sendUrl, {method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: {"Accept": "application/json", "X-CSRFToken": csrf}})
        .then(function (r) { return r.json().then(function (data) { return {ok: r.ok, data: data}; }); })
        .then(function (res) {
          if (!res.ok) { form.dataset.sending = ""; showError(res.data.message); return; }
          render(res.data);
          finishSend();
        })
        .catch(function () { form.dataset.sending = ""; showError(root.dataset.tFailed); });
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    textarea.addEventListener("input", function () {
      showError("");
      if (live && socket && socket.readyState === 1 && !textarea.dataset.typingSent) {
        socket.send(JSON.stringify({type: "typing", conversation: conversation}));
        textarea.dataset.typingSent = "1";
        window.setTimeout(function () { delete textarea.dataset.typingSent; }, 2500);
      }
    });
  }
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { markRead(); } });

  // One time format for the server-rendered and the live messages alike.
  list.querySelectorAll("time[datetime]").forEach(function (t) {
    t.textContent = fmt.format(new Date(t.dateTime));
  });
  scrollDown();
  updateSeen();
  setMode(false);
  connect();
})();
