// LTI Dynamic Registration: tell the platform's page that opened us that we are done.
"use strict";
(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");
