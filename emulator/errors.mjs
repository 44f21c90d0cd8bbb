// Error values the emulator answers with, and the one place that knows their wire shapes.
//
// The EIP/VPC service answers `{code, message}`; the API gateway in front of it answers
// `{error_code, error_msg, request_id}`; IAM answers `{error: {code, message, title}}`; the
// emulator's own control API answers `{error: message}`. Every code the emulator can produce
// is created by one of the factories below, so README.md's table can be checked against this file.

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {string|null} code service error code (null for the IAM and control shapes)
   * @param {string} message
   * @param {{shape?: 'vpc'|'apigw'|'iam'|'control', headers?: Record<string,string>, reason?: string}} [opts]
   *   `reason` is a detail kept for the request log only (never sent to the client).
   */
  constructor(status, code, message, { shape = 'vpc', headers = {}, reason } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.shape = shape;
    this.headers = headers;
    this.reason = reason;
  }

  body(requestId) {
    switch (this.shape) {
      case 'apigw':
        return { error_code: this.code, error_msg: this.message, request_id: requestId };
      case 'iam':
        return { error: { code: this.status, message: this.message, title: IAM_TITLES[this.status] ?? 'Error' } };
      case 'control':
        return { error: this.message };
      default:
        return { code: this.code, message: this.message };
    }
  }
}

const IAM_TITLES = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

const vpc = (status, code) => (message) => new ApiError(status, code, message);

// ---- EIP / VPC service errors ({code, message}) ----
export const errors = {
  /** 400: an invalid EIP parameter (publicip.*, extendParam.*, the body itself, EIP list query). */
  eipParam: vpc(400, 'VPC.0501'),
  /** 400: an invalid bandwidth parameter (bandwidth.*). */
  bandwidthParam: vpc(400, 'VPC.0301'),
  /** 400: enterprise_project_id is neither a UUID nor "0". */
  enterpriseProject: vpc(400, 'VPC.0011'),
  /** 400: an invalid query parameter of the VPC ports API. */
  portParam: vpc(400, 'VPC.0101'),
  /** 413: body larger than the emulator accepts. */
  tooLarge: vpc(413, 'VPC.0501'),
  /** 401: X-Auth-Token missing, unknown or expired. */
  token: vpc(401, 'VPC.0008'),
  /** 403: the project id of the path (or of X-Project-Id) is not the caller's project. */
  project: vpc(403, 'VPC.0007'),
  /** 404: no EIP with this id. */
  eipNotFound: vpc(404, 'VPC.0504'),
  /** 404: no port with this id. */
  portNotFound: vpc(404, 'VPC.0508'),
  /** 404: no shared (WHOLE) bandwidth with this id. */
  bandwidthNotFound: vpc(404, 'VPC.0305'),
  /** 409: the EIP is already bound to a port. */
  eipBound: vpc(409, 'VPC.0510'),
  /** 409: the port already has an EIP. */
  portBound: vpc(409, 'VPC.0511'),
  /** 409: unbind asked for an EIP that is not bound. */
  eipNotBound: vpc(409, 'VPC.0512'),
  /** 409: the EIP's current (transitional) status does not allow the operation. */
  eipBusy: vpc(409, 'VPC.0513'),
  /** 409: IP version conversion refused (EIP bound, or on a shared bandwidth). */
  convert: vpc(409, 'VPC.0514'),
  /** 409: delete refused, the EIP is bound. */
  deleteBound: vpc(409, 'VPC.0515'),
  /** 409: delete refused, the EIP is prepaid (yearly/monthly). */
  deletePrepaid: vpc(409, 'VPC.0516'),
  /** 409: the emulator's public address pool is exhausted. */
  poolExhausted: vpc(409, 'VPC.0517'),
  /** 500: a bug in the emulator. */
  internal: vpc(500, 'VPC.0500'),

  // ---- API gateway errors ({error_code, error_msg, request_id}) ----
  /** 404: no such API. */
  noRoute: () =>
    new ApiError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment', {
      shape: 'apigw',
    }),
  /** 401: AK/SK verification failed; `reason` goes to the request log only. */
  aksk: (reason) =>
    new ApiError(401, 'APIGW.0301', 'Incorrect IAM authentication information: verify aksk signature fail', {
      shape: 'apigw',
      reason,
    }),

  // ---- IAM errors ({error: {code, message, title}}) ----
  iamBadRequest: (message) => new ApiError(400, null, message, { shape: 'iam' }),
  iamUnauthorized: (message = 'The username or password is wrong.') => new ApiError(401, null, message, { shape: 'iam' }),

  // ---- control API errors ({error}) ----
  control: (status, message) => new ApiError(status, null, message, { shape: 'control' }),
};
