<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical GoodsReturn documents (stage REQUEST, direction EXPORT), or a c:Batch of them, to one
  CEB213 (China export return request, 出口退货申请单) message. The envelope (BaseTransfer,
  BaseSubscribe, ExtendMessage) comes from the first document's Source. An import return (a CEB625)
  or a tally (a CEB215) is refused, as is one that does not name customs' number of the export
  inventory or has no line; ieFlag is I (the goods come in); a platform without a customs code is
  written 无. The adapter signs the message (signed: true) and puts the signature before
  ExtendMessage, then validates the result.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <xsl:param name="message-guid" as="xs:string?"/>
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="requests" select="c:GoodsReturn | c:Batch/c:GoodsReturn"/>
    <xsl:if test="empty($requests) or exists(c:Batch/*[not(self::c:GoodsReturn)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB213 message carries canonical GoodsReturn documents only', *)"/>
    </xsl:if>
    <xsl:if test="count($requests) gt 100">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB213 message carries at most 100 return requests', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$requests[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB213Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$requests">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
      <!-- ds:Signature: added by the adapter, before ExtendMessage, when it signs the message -->
    </ceb:CEB213Message>
  </xsl:template>

  <xsl:template match="c:GoodsReturn">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="transport" select="c:Transport"/>
    <xsl:variable name="inventory" select="c:DeclarationReference/c:Reference[@type = 'INVENTORY_NUMBER'][string()][1]"/>
    <xsl:sequence select="cebc:export-only(., 'CEB213')"/>
    <xsl:if test="c:Stage != 'REQUEST'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB213 is a return request (stage REQUEST), not a ' || c:Stage, c:Stage)"/>
    </xsl:if>
    <xsl:if test="empty($inventory)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB213 request names the export inventory by customs'' number (DeclarationReference INVENTORY_NUMBER: invtNo)', c:DeclarationReference)"/>
    </xsl:if>
    <xsl:if test="empty(c:Line)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB213 request names the goods lines returned (Line)', .)"/>
    </xsl:if>
    <ceb:InvtRefund>
      <ceb:InvtRefundHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <xsl:for-each select="c:GoodsLocation"><ceb:loctNo><xsl:value-of select="."/></ceb:loctNo></xsl:for-each>
        <ceb:ebpCode><xsl:value-of select="cebc:platform-code(cebc:party(., 'PLATFORM'))"/></ceb:ebpCode>
        <ceb:ebpName><xsl:value-of select="cebc:party(., 'PLATFORM')/c:Name"/></ceb:ebpName>
        <ceb:ebcCode><xsl:value-of select="cebc:code(cebc:party(., 'SELLER'))"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="cebc:party(., 'SELLER')/c:Name"/></ceb:ebcName>
        <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
        <ceb:logisticsCode><xsl:value-of select="cebc:code(cebc:party(., 'LOGISTICS_OPERATOR'))"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="cebc:party(., 'LOGISTICS_OPERATOR')/c:Name"/></ceb:logisticsName>
        <ceb:coElNo><xsl:value-of select="c:LocalReference"/></ceb:coElNo>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <ceb:invtNo><xsl:value-of select="$inventory"/></ceb:invtNo>
        <xsl:for-each select="c:Procedure[@scheme = 'CN-SUPERVISION-MODE'][1]"><ceb:tradeMode><xsl:value-of select="."/></ceb:tradeMode></xsl:for-each>
        <ceb:agentCode><xsl:value-of select="cebc:code(cebc:party(., 'DECLARANT'))"/></ceb:agentCode>
        <ceb:agentName><xsl:value-of select="cebc:party(., 'DECLARANT')/c:Name"/></ceb:agentName>
        <ceb:billNo><xsl:value-of select="c:MasterDocument"/></ceb:billNo>
        <ceb:ieFlag>I</ceb:ieFlag>
        <ceb:trafMode><xsl:value-of select="$transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'][1]"/></ceb:trafMode>
        <ceb:trafName><xsl:value-of select="$transport/c:ConveyanceName"/></ceb:trafName>
        <ceb:portCode><xsl:value-of select="c:EntryOffice"/></ceb:portCode>
        <ceb:reason><xsl:value-of select="c:Reason"/></ceb:reason>
        <!-- the customs code kept beside the ISO code when it is one for that country -->
        <ceb:country><xsl:value-of select="$transport/c:DepartureCountry ! (if (@sourceCode and cl:iso-country(@sourceCode, .) = string(.))
            then string(@sourceCode) else cl:customs-country(., .))"/></ceb:country>
        <ceb:voyageNo><xsl:value-of select="$transport/c:ConveyanceReference"/></ceb:voyageNo>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:InvtRefundHead>
      <xsl:apply-templates select="c:Line"/>
    </ceb:InvtRefund>
  </xsl:template>

  <xsl:template match="c:Line">
    <xsl:variable name="legal" select="c:LegalQuantity"/>
    <xsl:if test="empty($legal)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB213 line needs the quantity returned in the first legal unit (qty1, unit1)', .)"/>
    </xsl:if>
    <ceb:InvtRefundList>
      <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
      <ceb:gcode><xsl:value-of select="c:Classification[@scheme = 'CN-CUSTOMS10'][1]"/></ceb:gcode>
      <ceb:gname><xsl:value-of select="c:Description"/></ceb:gname>
      <ceb:gmodel><xsl:value-of select="c:Model"/></ceb:gmodel>
      <ceb:qty><xsl:value-of select="c:Quantity"/></ceb:qty>
      <ceb:qty1><xsl:value-of select="$legal[1]"/></ceb:qty1>
      <ceb:unit><xsl:value-of select="cl:customs-unit(c:Quantity/@unitCode, c:Quantity/@sourceUnitCode, c:Quantity)"/></ceb:unit>
      <ceb:unit1><xsl:value-of select="cl:customs-unit($legal[1]/@unitCode, $legal[1]/@sourceUnitCode, $legal[1])"/></ceb:unit1>
      <xsl:for-each select="$legal[2]">
        <ceb:qty2><xsl:value-of select="."/></ceb:qty2>
        <ceb:unit2><xsl:value-of select="cl:customs-unit(@unitCode, @sourceUnitCode, .)"/></ceb:unit2>
      </xsl:for-each>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:InvtRefundList>
  </xsl:template>
</xsl:stylesheet>
