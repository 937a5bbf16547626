// Deep linking: hand the signed answer back to the platform at once (the button stays for no-script).
"use strict";
document.getElementById("lti-return").submit();
