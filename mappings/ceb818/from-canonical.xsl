<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical TaxBill documents to one CEB818 (China customs electronic tax bill status, 电子税单状态)
  message: the input is a c:TaxBill or a c:Batch of them, each becomes a ceb:Tax with the bill's
  number, inventory, status, payment notice and guarantor. A full bill (from a CEB816) may be written
  here: its taxes and lines are not part of a status message and are left out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:tb="urn:wco-ecom-adapter:ceb-tax-bill"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>
  <xsl:include href="../ceb-common/ceb-tax-bill.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>

  <xsl:template match="/">
    <xsl:variable name="bills" select="c:TaxBill | c:Batch/c:TaxBill"/>
    <xsl:if test="empty($bills) or exists(c:Batch/*[not(self::c:TaxBill)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB818 message carries canonical TaxBill documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$bills[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB818Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:for-each select="$bills">
        <ceb:Tax>
          <ceb:TaxHeadStatus>
            <ceb:guid><xsl:value-of select="cebc:record-guid(., $guid, position())"/></ceb:guid>
            <ceb:returnTime><xsl:value-of select="tb:return-time(.)"/></ceb:returnTime>
            <ceb:invtNo><xsl:value-of select="c:DeclarationReference/c:Reference[@type = 'INVENTORY_NUMBER'][1]"/></ceb:invtNo>
            <ceb:taxNo><xsl:value-of select="c:TaxBillNumber"/></ceb:taxNo>
            <ceb:status><xsl:value-of select="tb:status-code(.)"/></ceb:status>
            <xsl:for-each select="c:PaymentNoticeNumber"><ceb:entDutyNo><xsl:value-of select="."/></ceb:entDutyNo></xsl:for-each>
            <xsl:for-each select="tb:party-code(., 'GUARANTOR')"><ceb:assureCode><xsl:value-of select="."/></ceb:assureCode></xsl:for-each>
          </ceb:TaxHeadStatus>
        </ceb:Tax>
      </xsl:for-each>
    </ceb:CEB818Message>
  </xsl:template>
</xsl:stylesheet>
