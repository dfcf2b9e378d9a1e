<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Response documents to one CEB312 order receipt (电子订单回执).
  The input is a c:Response or a c:Batch of them, one per order answered.

  returnStatus: the issuer's CEB status when the Response carries one (scheme CEB-RETURN-STATUS),
  else from the outcome (table below). returnInfo starts with "[Code:NNNN;Desc:...]" as customs
  receipts do, then the message and every error as "line:column path description". returnInfo holds
  at most 1000 characters, so a long answer continues in further OrderReturn elements for the same
  order; a message holds at most 100 OrderReturn elements, so each order gets its share and the
  last part says how much was left out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb312"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:param name="message-guid" as="xs:string?"/>

  <!-- outcome -> returnStatus. 2: E-port declaring; -301010: same order already exists;
       -301008: parameter (format) validation failed -->
  <xsl:variable name="r:status" as="map(xs:string, xs:string)" select="map{
      'RECEIVED': '2', 'ACCEPTED': '2', 'DUPLICATE': '-301010',
      'REJECTED': '-301008', 'ERROR': '-301008', 'UNDER_CONTROL': '300',
      'RELEASED': '800', 'CLOSED': '899', 'CANCELLED': '399'}"/>

  <!-- adapter error code -> data-exchange error code and text of the CEB specification (table 7-1) -->
  <xsl:variable name="r:codes" as="map(xs:string, xs:string+)" select="map{
      'XML_MALFORMED': ('0001', '报文格式错误 message is not well-formed XML'),
      'MESSAGE_EMPTY': ('0001', '报文格式错误 message is empty'),
      'FORMAT_UNKNOWN': ('0001', '报文格式错误 message type not supported'),
      'XML_FORBIDDEN': ('0999', '其他格式错误 forbidden XML construct'),
      'MESSAGE_TOO_LARGE': ('0999', '其他格式错误 message too large'),
      'SCHEMA_INVALID': ('0002', '报文XSD校验失败 schema validation failed'),
      'CODE_UNKNOWN': ('2999', '其他业务逻辑错误 unknown code'),
      'VALUE_INVALID': ('2999', '其他业务逻辑错误 invalid value'),
      'DUPLICATE': ('2999', '重复申报 duplicate'),
      'CANONICAL_INVALID': ('3999', '其他系统错误 translation failed'),
      'INTERNAL': ('3999', '其他系统错误 internal error')}"/>

  <xsl:variable name="r:max-info" select="1000"/>
  <xsl:variable name="r:max-returns" select="100"/>

  <xsl:template match="/">
    <xsl:variable name="responses" select="c:Response | c:Batch/c:Response"/>
    <xsl:if test="empty($responses) or exists(c:Batch/*[not(self::c:Response)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB312 receipt carries canonical Response documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($responses) gt $r:max-returns">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB312 receipt answers at most 100 orders', *)"/>
    </xsl:if>
    <xsl:variable name="share" select="max((1, $r:max-returns idiv count($responses)))"/>
    <ceb:CEB312Message guid="{($message-guid[.], $responses[1]/c:ResponseId)[1]}" version="1.0">
      <xsl:apply-templates select="$responses">
        <xsl:with-param name="share" select="$share"/>
      </xsl:apply-templates>
    </ceb:CEB312Message>
  </xsl:template>

  <xsl:template match="c:Response">
    <xsl:param name="share" as="xs:integer"/>
    <xsl:variable name="refs" select="c:RefersTo/c:Reference"/>
    <xsl:variable name="first-error" select="string(c:Error[1]/c:Code)"/>
    <xsl:variable name="dxp" select="if (map:contains($r:codes, $first-error)) then $r:codes($first-error)
                                     else if (c:Outcome = ('ACCEPTED', 'RECEIVED')) then ('2', '申报中 accepted')
                                     else ('2999', '其他业务逻辑错误')"/>
    <xsl:variable name="prefix" select="'[Code:' || $dxp[1] || ';Desc:' || $dxp[2] || '] '"/>
    <xsl:variable name="items" select="(c:Message[string()],
        for $e in c:Error return
          (if ($e/c:Pointer) then ($e/c:Pointer[1]/c:Line, 0)[1] || ':' || ($e/c:Pointer[1]/c:Column, 0)[1] || ' ' || $e/c:Pointer[1]/c:Path || ' ' else '')
          || $e/c:Description)"/>
    <xsl:variable name="budget" select="$r:max-info - string-length($prefix)"/>
    <xsl:variable name="chunks" select="r:chunks(if (exists($items)) then $items else string(c:Outcome), $budget)"/>
    <xsl:variable name="kept" select="if (count($chunks) le $share) then $chunks
        else ($chunks[position() lt $share],
              r:fit($chunks[$share], ' … (' || (count($chunks) - $share) || ' more parts left out)', $budget))"/>
    <xsl:variable name="status" select="(c:StatusCode[@scheme = 'CEB-RETURN-STATUS'], $r:status(string(c:Outcome)))[1]"/>
    <xsl:variable name="response" select="."/>
    <xsl:for-each select="$kept">
      <ceb:OrderReturn>
        <ceb:guid><xsl:value-of select="$response/c:ResponseId"/></ceb:guid>
        <ceb:ebpCode><xsl:value-of select="r:key($refs[@type = 'PLATFORM_CODE'], 18)"/></ceb:ebpCode>
        <ceb:ebcCode><xsl:value-of select="r:key($refs[@type = 'SELLER_CODE'], 18)"/></ceb:ebcCode>
        <ceb:orderNo><xsl:value-of select="r:key($refs[@type = 'ORDER_NUMBER'], 60)"/></ceb:orderNo>
        <ceb:returnStatus><xsl:value-of select="$status"/></ceb:returnStatus>
        <ceb:returnTime><xsl:value-of select="format-dateTime(xs:dateTime($response/c:IssueDateTime), '[Y0001][M01][D01][H01][m01][s01][f001]')"/></ceb:returnTime>
        <ceb:returnInfo><xsl:value-of select="$prefix || ."/></ceb:returnInfo>
      </ceb:OrderReturn>
    </xsl:for-each>
  </xsl:template>

  <!-- A key a receipt must carry although the message may not have had a usable one: cut to the
       field's length, UNKNOWN when missing -->
  <xsl:function name="r:key" as="xs:string">
    <xsl:param name="ref" as="element()*"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:variable name="v" select="substring(string($ref[1]), 1, $max)"/>
    <xsl:sequence select="if ($v) then $v else 'UNKNOWN'"/>
  </xsl:function>

  <!-- Packs items, joined by " | ", into strings of at most $budget characters -->
  <xsl:function name="r:chunks" as="xs:string*">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:param name="budget" as="xs:integer"/>
    <xsl:iterate select="$items">
      <xsl:param name="current" as="xs:string?" select="()"/>
      <xsl:on-completion><xsl:sequence select="$current"/></xsl:on-completion>
      <xsl:variable name="item" select="r:fit(., '', $budget)"/>
      <xsl:choose>
        <xsl:when test="empty($current)">
          <xsl:next-iteration><xsl:with-param name="current" select="$item"/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test="string-length($current) + 3 + string-length($item) le $budget">
          <xsl:next-iteration><xsl:with-param name="current" select="$current || ' | ' || $item"/></xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$current"/>
          <xsl:next-iteration><xsl:with-param name="current" select="$item"/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- $text followed by $tail, cut so that both fit in $budget characters -->
  <xsl:function name="r:fit" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="tail" as="xs:string"/>
    <xsl:param name="budget" as="xs:integer"/>
    <xsl:sequence select="if (string-length($text) + string-length($tail) le $budget) then $text || $tail
                          else substring($text, 1, $budget - string-length($tail) - 1) || '…' || $tail"/>
  </xsl:function>
</xsl:stylesheet>
