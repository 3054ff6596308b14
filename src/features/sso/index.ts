/** Single sign-on with OpenID Connect, configured by DCP_OIDC_* (see src/config/config.ts). */
export { ssoPages, ssoEnabled, ssoSignInAlternative } from './page-routes.js';
export { SsoButton } from './sso-button.js';
