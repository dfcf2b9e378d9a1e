<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every CEB receipt mapping (import CEB312, 412, 512, 514, 622, 624, 626, 712, 900; export
  CEB214, 216, 304, 404, 506, 508, 510, 604, 606, 608, 702) shares, in both directions.

  From canonical: a c:Response, or a c:Batch of them, becomes one receipt message. The including
  stylesheet declares $r:root (e.g. 'CEB312Message'), calls r:receipt-message on the document node,
  and has a template matching c:Response in mode r:return that writes one return element from the
  parameters it is given (guid, status, time, info).
    - returnStatus: the issuer's CEB status when the Response carries one (scheme CEB-RETURN-STATUS),
      else from the outcome (table below).
    - returnInfo: a receipt relayed from customs keeps its text verbatim; an answer of the adapter
      starts with "[Code:NNNN;Desc:...]" as customs receipts do, then its message and every error as
      "line:column path description". It holds at most 1000 characters, so a long answer continues in
      further return elements for the same record; a message holds at most 100 of them, so each
      record gets its share and the last part says how much was left out.

  To canonical: each return element becomes a c:Response; the including stylesheet calls
  r:response with the references its receipt carries.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- to canonical: who the receipt came from (customs, by default), how and when -->
  <xsl:param name="partner" as="xs:string?"/>
  <xsl:param name="channel" as="xs:string?"/>
  <xsl:param name="received-at" as="xs:dateTime?"/>

  <!-- The specification's codes per receipt for "parameter validation failed" and "already exists"
       (chapter 7, table 7-2). Waybill status: the table gives the range -505000..-505017 only;
       -505011/-505012 follow the waybill codes' numbering (-504011/-504012). Cancellation, return
       and warehouse-entry receipts: our notes of the table give only the ranges (-623000..-623029,
       -625001..-625209, -800000..-800006); -623001/-623004 and -625001/-625004 follow the
       inventory's numbering (-621001/-621004), -800002/-800003 the order of the waybill status
       range (parse, empty, validation, exists). CEB900: the specification says only "negative: the
       format check failed". The table has no codes of the export messages' own: an export receipt
       answers with its business's codes (CEB304 an order's, CEB404 a payment's, CEB506 a
       waybill's, CEB604 an inventory's; CEB508 and CEB510, which answer reports of parcels by
       waybill number, and CEB608, which answers a list of parcels by waybill number, a waybill's;
       CEB606 an import cancellation's; CEB702, which answers a summary of inventories, an
       inventory's; CEB214 and CEB216 an import return request's). -->
  <xsl:variable name="r:rejection-codes" static="yes" as="map(xs:string, xs:string+)" select="map{
      'CEB312Message': ('-301008', '-301010'), 'CEB412Message': ('-401009', '-401007'),
      'CEB512Message': ('-504011', '-504012'), 'CEB514Message': ('-505011', '-505012'),
      'CEB622Message': ('-621001', '-621004'),
      'CEB304Message': ('-301008', '-301010'), 'CEB404Message': ('-401009', '-401007'),
      'CEB506Message': ('-504011', '-504012'), 'CEB604Message': ('-621001', '-621004'),
      'CEB508Message': ('-504011', '-504012'), 'CEB510Message': ('-504011', '-504012'),
      'CEB606Message': ('-623001', '-623004'), 'CEB608Message': ('-504011', '-504012'),
      'CEB702Message': ('-621001', '-621004'), 'CEB214Message': ('-625001', '-625004'),
      'CEB216Message': ('-625001', '-625004'),
      'CEB624Message': ('-623001', '-623004'), 'CEB626Message': ('-625001', '-625004'),
      'CEB712Message': ('-800002', '-800003'), 'CEB900Message': ('-1', '-1')}"/>

  <!-- A receipt's own returnStatus for some errors (chapter 7, table 7-2): the inventory's
       "signature empty" and "signature verification failed"; other receipts have none and give the
       message's "parameter validation failed" code -->
  <xsl:variable name="r:error-status" static="yes" as="map(xs:string, map(xs:string, xs:string))" select="map{
      'CEB622Message': map{'SIGNATURE_MISSING': '-621026', 'SIGNATURE_INVALID': '-621029',
                           'SIGNATURE_MISMATCH': '-621029', 'SIGNATURE_EXPIRED': '-621029'}}"/>

  <!-- outcome -> returnStatus. 2: E-port declaring; 100: rejected (business rules); a refused
       message (format, schema, value) and a duplicate get the receipt's own codes (above), looked up
       by r:status. Static, like the other tables here: a table that is not is built again for every
       receipt (a seventh of the receipt's stylesheet in the bench's profile) -->
  <xsl:variable name="r:statuses" static="yes" as="map(xs:string, xs:string)" select="map{
      'RECEIVED': '2', 'ACCEPTED': '2', 'UNDER_CONTROL': '300', 'RELEASED': '800', 'CLOSED': '899', 'CANCELLED': '399'}"/>

  <xsl:function name="r:status" as="xs:string?">
    <xsl:param name="outcome" as="xs:string"/>
    <xsl:sequence select="if ($outcome = 'DUPLICATE') then $r:rejection-codes($r:root)[2]
        else if ($outcome = ('REJECTED', 'ERROR')) then $r:rejection-codes($r:root)[1]
        else $r:statuses($outcome)"/>
  </xsl:function>

  <!-- returnStatus -> outcome, for receipts from customs -->
  <xsl:function name="r:outcome" as="xs:string">
    <xsl:param name="status" as="xs:string"/>
    <xsl:sequence select="
        if (starts-with(normalize-space($status), '-')) then 'REJECTED'
        else (map{
          '1': 'RECEIVED', '2': 'RECEIVED', '3': 'RECEIVED', '4': 'ERROR', '100': 'REJECTED', '120': 'ACCEPTED',
          '300': 'UNDER_CONTROL', '399': 'ACCEPTED', '500': 'UNDER_CONTROL', '501': 'UNDER_CONTROL',
          '502': 'UNDER_CONTROL', '503': 'UNDER_CONTROL', '599': 'UNDER_CONTROL', '600': 'UNDER_CONTROL',
          '700': 'CANCELLED', '800': 'RELEASED', '899': 'CLOSED'}(normalize-space($status)), 'RECEIVED')[1]"/>
  </xsl:function>

  <!-- adapter error code (or cross-check rule) -> error code and text of the CEB specification
       (data exchange errors of table 7-1; customs receipt codes for the cross-check rules) -->
  <xsl:variable name="r:codes" static="yes" as="map(xs:string, xs:string+)" select="map{
      'XML_MALFORMED': ('0001', '报文格式错误 message is not well-formed XML'),
      'MESSAGE_EMPTY': ('0001', '报文格式错误 message is empty'),
      'FORMAT_UNKNOWN': ('0001', '报文格式错误 message type not supported'),
      'FORMAT_NOT_ACCEPTED': ('0001', '报文格式错误 message type not accepted'),
      'XML_FORBIDDEN': ('0999', '其他格式错误 forbidden XML construct'),
      'MESSAGE_TOO_LARGE': ('0999', '其他格式错误 message too large'),
      'SCHEMA_INVALID': ('0002', '报文XSD校验失败 schema validation failed'),
      'PARTNER_UNKNOWN': ('2001', '接收方不存在 partner unknown'),
      'CODE_UNKNOWN': ('2999', '其他业务逻辑错误 unknown code'),
      'VALUE_INVALID': ('2999', '其他业务逻辑错误 invalid value'),
      'DUPLICATE': ('2999', '重复申报 duplicate'),
      'UNAUTHENTICATED': ('1999', '其他安全错误 not authenticated'),
      'PARTNER_FORBIDDEN': ('1999', '其他安全错误 partner not allowed'),
      'SENDER_NOT_AUTHORISED': ('1999', '其他安全错误 sender is not the authenticated partner'),
      'SIGNATURE_MISSING': ('1001', '数字签名无效 message not signed'),
      'SIGNATURE_INVALID': ('1001', '数字签名无效 invalid digital signature'),
      'SIGNATURE_MISMATCH': ('1004', '签名与数据不符 signature does not match the data'),
      'SIGNATURE_EXPIRED': ('1002', '签名过期 signing certificate not valid'),
      'CC-PAID-AMOUNT': ('1332', '支付单支付金额与订单支付金额不一致 paid amounts differ'),
      'CC-PAYER': ('1327', '订购人与支付人不一致 buyer and payer differ'),
      'CC-PAY-ENTERPRISE': ('13035', '支付企业不一致 payment enterprise differs'),
      'CC-PAY-TRANSACTION': ('2999', '支付交易编号不一致 payment transaction differs'),
      'CC-ORDER-NUMBER': ('2999', '订单编号不一致 order numbers differ'),
      'CC-PLATFORM': ('2999', '电商平台不一致 platforms differ'),
      'CC-CONSIGNEE': ('2999', '收货人信息不一致 consignee differs'),
      'CC-GOODS-VALUE': ('2999', '商品价格与表体总价不一致 goods value differs from line totals'),
      'CC-PAID-FORMULA': ('2999', '实际支付金额计算错误 paid amount miscalculated'),
      'CC-TIMEOUT': ('2999', '三单对碰超时 documents missing'),
      'EX-ORDER-NUMBER': ('2999', '订单编号不一致 order numbers differ'),
      'EX-ENTERPRISE': ('2999', '电商企业不一致 e-commerce enterprise differs'),
      'EX-CONSIGNOR': ('2999', '发货人不一致 consignor differs'),
      'EX-CHARGE': ('2999', '收款金额与订单金额不一致 amount received differs'),
      'EX-GOODS-VALUE': ('2999', '商品价格与表体总价不一致 goods value differs from line totals'),
      'EX-TIMEOUT': ('2999', '三单对碰超时 documents missing'),
      'RET-NO-INVENTORY': ('2999', '无对应清单 no inventory to return'),
      'RET-NOT-RELEASED': ('2999', '清单未放行 inventory not released'),
      'RET-QUANTITY': ('2999', '退货数量超过申报数量 more returned than declared'),
      'RET-QUANTITY-LEFT': ('2999', '退货数量超过可退数量 more returned than earlier returns left'),
      'RET-TALLY-NO-RETURN': ('2999', '无对应退货申请单 no return request to tally'),
      'RET-TALLY-CLOSED': ('2999', '退货已理货 return already tallied'),
      'CAN-NO-INVENTORY': ('2999', '无对应清单 no inventory to cancel'),
      'SCREEN-PROHIBITED': ('2999', '禁止进口商品 prohibited goods'),
      'SCREEN-NOT-LISTED': ('2999', '不在跨境电商零售进口商品清单 not on the positive list'),
      'DECL-ITEM-NUMBER': ('2999', '商品货号无法申报 item number unusable in the inventory'),
      'CANONICAL_INVALID': ('3999', '其他系统错误 translation failed'),
      'INTERNAL': ('3999', '其他系统错误 internal error')}"/>

  <xsl:variable name="r:max-info" select="1000"/>
  <!-- the receipts whose returnInfo may be empty (the export schema sets no minimum length) -->
  <xsl:variable name="r:empty-info-roots" static="yes" as="xs:string+" select="('CEB304Message', 'CEB404Message', 'CEB506Message', 'CEB604Message',
      'CEB508Message', 'CEB510Message', 'CEB606Message', 'CEB608Message', 'CEB702Message', 'CEB214Message', 'CEB216Message')"/>
  <xsl:variable name="r:max-returns" select="100"/>

  <xsl:template name="r:receipt-message">
    <xsl:variable name="responses" select="c:Response | c:Batch/c:Response"/>
    <xsl:if test="empty($responses) or exists(c:Batch/*[not(self::c:Response)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a ' || $r:root || ' carries canonical Response documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($responses) gt $r:max-returns">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a ' || $r:root || ' answers at most 100 records', *)"/>
    </xsl:if>
    <xsl:variable name="share" select="max((1, $r:max-returns idiv count($responses)))"/>
    <xsl:element name="ceb:{$r:root}">
      <xsl:attribute name="guid" select="($message-guid[.], $responses[1]/c:Source/c:MessageId[string-length() = 36], $responses[1]/c:ResponseId)[1]"/>
      <xsl:attribute name="version" select="($responses[1]/c:Source/c:MessageVersion[string()], '1.0')[1]"/>
      <xsl:for-each select="$responses">
        <xsl:variable name="response" select="."/>
        <xsl:for-each select="r:infos(., $share)">
          <xsl:apply-templates select="$response" mode="r:return">
            <xsl:with-param name="guid" select="string($response/c:ResponseId)"/>
            <xsl:with-param name="status" select="r:status-of($response)"/>
            <xsl:with-param name="time" select="r:time($response/c:IssueDateTime)"/>
            <xsl:with-param name="info" select="."/>
          </xsl:apply-templates>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- a record refused for a business rule (cross-check, screening, declaration) gets 100, as
       customs answers such refusals; a format or validation failure keeps the outcome's status -->
  <xsl:function name="r:status-of" as="xs:string">
    <xsl:param name="response" as="element(c:Response)"/>
    <xsl:sequence select="($response/c:StatusCode[@scheme = 'CEB-RETURN-STATUS'],
        '100'[$response/c:Outcome = 'REJECTED' and matches(string($response/c:Error[1]/c:Code), '^(CC|EX|SCREEN|DECL|RET|CAN|MOV|LST)-')],
        ($r:error-status($r:root), map{})[1](string($response/c:Error[1]/c:Code))[$response/c:Outcome = 'REJECTED'],
        r:status(string($response/c:Outcome)))[1]"/>
  </xsl:function>

  <!-- YYYYMMDDhhmmssSSS in the response's own zone. The common case (a four-digit year, at most
       three digits of fraction) is the lexical form cut down, as cebc:compact-time does: format-dateTime
       was two fifths of the receipt's stylesheet in the bench's profile -->
  <xsl:function name="r:time" as="xs:string">
    <xsl:param name="t" as="element()"/>
    <xsl:variable name="dt" select="xs:dateTime($t)"/>
    <xsl:variable name="lexical" select="string($dt)"/>
    <xsl:variable name="fraction" select="if (substring($lexical, 20, 1) = '.')
        then substring-before(translate(substring($lexical, 21), '+-Z', '###') || '#', '#') else ''"/>
    <xsl:sequence select="if (substring($lexical, 5, 1) = '-' and not(starts-with($lexical, '-')) and string-length($fraction) le 3)
        then translate(substring($lexical, 1, 19), '-:T', '') || substring($fraction || '000', 1, 3)
        else format-dateTime($dt, '[Y0001][M01][D01][H01][m01][s01][f001]')"/>
  </xsl:function>

  <!-- The returnInfo texts of one response: one, or several parts of at most 1000 characters -->
  <xsl:function name="r:infos" as="xs:string+">
    <xsl:param name="response" as="element(c:Response)"/>
    <xsl:param name="share" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="$response/c:StatusCode[@scheme = 'CEB-RETURN-STATUS'] and empty($response/c:Error)">
        <!-- relayed from customs: the text as customs wrote it (an export receipt's may be empty) -->
        <xsl:sequence select="r:fit(if (string($response/c:Message) or ($response/c:Message and $r:root = $r:empty-info-roots))
            then string($response/c:Message) else string($response/c:Outcome), '', $r:max-info)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="first-error" select="string($response/c:Error[1]/c:Code)"/>
        <xsl:variable name="code" select="if (map:contains($r:codes, $first-error)) then $r:codes($first-error)
                                          else if ($response/c:Outcome = ('ACCEPTED', 'RECEIVED')) then ('2', '申报中 accepted')
                                          else if ($response/c:Outcome = 'DUPLICATE') then $r:codes('DUPLICATE')
                                          else ('2999', '其他业务逻辑错误')"/>
        <xsl:variable name="prefix" select="'[Code:' || $code[1] || ';Desc:' || $code[2] || '] '"/>
        <!-- an error: "line:col path description" where the input has a position, the rule code and
             the canonical fields for business rules, "path: description" otherwise -->
        <xsl:variable name="items" select="($response/c:Message[string()],
            for $e in $response/c:Error return
              (if (matches(string($e/c:Code), '^(CC|EX|SCREEN|DECL|RET|CAN|MOV|LST)-')) then $e/c:Code || ' ' else '')
              || (if ($e/c:Pointer[c:Line > 0]) then $e/c:Pointer[1]/c:Line || ':' || ($e/c:Pointer[1]/c:Column, 0)[1] || ' ' || $e/c:Pointer[1]/c:Path || ' '
                  else if ($e/c:Pointer) then string-join($e/c:Pointer/c:Path, ', ') || ': ' else '')
              || $e/c:Description)"/>
        <xsl:variable name="budget" select="$r:max-info - string-length($prefix)"/>
        <xsl:variable name="chunks" select="r:chunks(if (exists($items)) then $items else string($response/c:Outcome), $budget)"/>
        <xsl:variable name="kept" select="if (count($chunks) le $share) then $chunks
            else ($chunks[position() lt $share],
                  r:fit($chunks[$share], ' … (' || (count($chunks) - $share) || ' more parts left out)', $budget))"/>
        <xsl:sequence select="for $k in $kept return $prefix || $k"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A key a receipt must carry although the record may not have had a usable one: cut to the
       field's length, UNKNOWN when missing -->
  <xsl:function name="r:key" as="xs:string">
    <xsl:param name="ref" as="element()*"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:variable name="v" select="substring(string($ref[1]), 1, $max)"/>
    <xsl:sequence select="if ($v) then $v else 'UNKNOWN'"/>
  </xsl:function>

  <!-- An 18-character pre-entry number a receipt must carry: the record's, else 18 zeros (an answer
       of the adapter to a record that never got one) -->
  <xsl:function name="r:pre-entry-number" as="xs:string">
    <xsl:param name="refs" as="element(c:Reference)*"/>
    <xsl:variable name="pre-no" select="string($refs[@type = 'PRE_ENTRY_NUMBER'][1])"/>
    <xsl:sequence select="if (string-length($pre-no) = 18) then $pre-no else '000000000000000000'"/>
  </xsl:function>

  <!-- The part (msgSeqNo) of a report a receipt answers: the record's, 0 when it could not be read -->
  <xsl:function name="r:part-number" as="xs:string">
    <xsl:param name="refs" as="element(c:Reference)*"/>
    <xsl:variable name="n" select="normalize-space($refs[@type = 'PART_NUMBER'][1])"/>
    <xsl:sequence select="if ($n castable as xs:int and abs(xs:int($n)) lt 1000000000) then string(xs:int($n)) else '0'"/>
  </xsl:function>

  <!-- Export receipts: an overseas platform without a customs code is written 无 (none) -->
  <xsl:variable name="r:no-code" as="xs:string" select="'无'"/>

  <!-- The ebpCode of an export receipt: the platform's code; 无 when the record answered (known by
       its reference of type $record-key) names no platform code; UNKNOWN when no record was read -->
  <xsl:function name="r:platform-code" as="xs:string">
    <xsl:param name="refs" as="element(c:Reference)*"/>
    <xsl:param name="record-key" as="xs:string"/>
    <xsl:sequence select="if ($refs[@type = 'PLATFORM_CODE'][string()]) then r:key($refs[@type = 'PLATFORM_CODE'], 18)
        else if ($refs[@type = $record-key][string()]) then $r:no-code else 'UNKNOWN'"/>
  </xsl:function>

  <!-- The platform of an export receipt as a reference: none for 无 -->
  <xsl:function name="r:platform-ref" as="element(c:Reference)?">
    <xsl:param name="field" as="element()?"/>
    <xsl:sequence select="r:ref('PLATFORM_CODE', $field[string() ne $r:no-code])"/>
  </xsl:function>

  <!-- Packs items, joined by " | ", into strings of at most $budget characters. An item that fits
       starts a new string when the current one is full; an item too long for any string (a list of
       the formats known, say) fills the current one and continues in the next, so nothing is cut -->
  <xsl:function name="r:chunks" as="xs:string*">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:param name="budget" as="xs:integer"/>
    <xsl:iterate select="$items">
      <xsl:param name="current" as="xs:string?" select="()"/>
      <xsl:on-completion><xsl:sequence select="$current"/></xsl:on-completion>
      <xsl:variable name="item" select="."/>
      <xsl:choose>
        <xsl:when test="string-length($item) gt $budget">
          <xsl:variable name="room" select="if (empty($current)) then $budget else max((0, $budget - string-length($current) - 3))"/>
          <xsl:variable name="rest" select="substring($item, $room + 1)"/>
          <xsl:variable name="pieces" select="for $i in 0 to (string-length($rest) - 1) idiv $budget
                                              return substring($rest, $i * $budget + 1, $budget)"/>
          <xsl:sequence select="(if (empty($current)) then substring($item, 1, $room)
                                 else if ($room gt 0) then $current || ' | ' || substring($item, 1, $room)
                                 else $current), $pieces[position() lt last()]"/>
          <xsl:next-iteration><xsl:with-param name="current" select="$pieces[last()]"/></xsl:next-iteration>
        </xsl:when>
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

  <!-- To canonical: one c:Response document for one return element. $refers-to-format is the format
       of the record the receipt answers; $references are c:Reference elements built by the caller. -->
  <xsl:template name="r:response">
    <xsl:param name="return" as="element()"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="refers-to-format" as="xs:string"/>
    <xsl:param name="references" as="element(c:Reference)*"/>
    <xsl:variable name="t" select="string($return/ceb:returnTime)"/>
    <xsl:variable name="iso" select="replace($t, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$', '$1-$2-$3T$4:$5:$6.$7+08:00')"/>
    <xsl:if test="not($iso castable as xs:dateTime)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'returnTime &quot;' || $t || '&quot; is not a time of the form YYYYMMDDhhmmssSSS', $return/ceb:returnTime)"/>
    </xsl:if>
    <xsl:document>
      <c:Response>
        <c:ResponseId><xsl:value-of select="$return/ceb:guid"/></c:ResponseId>
        <c:IssueDateTime><xsl:value-of select="$iso"/></c:IssueDateTime>
        <c:Source>
          <c:Partner><xsl:value-of select="($partner[.], 'customs')[1]"/></c:Partner>
          <c:Format><xsl:value-of select="$format"/></c:Format>
          <c:MessageId><xsl:value-of select="$return/../@guid"/></c:MessageId>
          <c:MessageVersion><xsl:value-of select="$return/../@version"/></c:MessageVersion>
          <c:RecordIndex><xsl:value-of select="count($return/preceding-sibling::*) + 1"/></c:RecordIndex>
          <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
          <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
        </c:Source>
        <c:RefersTo>
          <c:Format><xsl:value-of select="$refers-to-format"/></c:Format>
          <xsl:sequence select="$references[string()]"/>
        </c:RefersTo>
        <c:Outcome><xsl:value-of select="r:outcome($return/ceb:returnStatus)"/></c:Outcome>
        <c:StatusCode scheme="CEB-RETURN-STATUS"><xsl:value-of select="normalize-space($return/ceb:returnStatus)"/></c:StatusCode>
        <c:Message><xsl:value-of select="$return/ceb:returnInfo"/></c:Message>
      </c:Response>
    </xsl:document>
  </xsl:template>

  <!-- A typed reference from a receipt field -->
  <xsl:function name="r:ref" as="element(c:Reference)?">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="field" as="element()?"/>
    <xsl:if test="string($field)">
      <c:Reference type="{$type}"><xsl:value-of select="$field"/></c:Reference>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
